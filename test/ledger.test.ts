/**
 * `clausier ledger`: the money ledger and the findings as spreadsheets. The CSV is read as RFC
 * 4180 says; the XLSX is read back with read-excel-file (the sibling of the library that writes
 * it); both are opened by Debian's LibreOffice in headless mode, as a finance controller's
 * spreadsheet would open them. On every case, what the ledger counts adds up to the money
 * summary of `check --format json`.
 *
 * `.ci/run` installs LibreOffice (libreoffice-calc-nogui); elsewhere CLAUSIER_SKIP_LIBREOFFICE=1
 * skips those tests, knowingly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseFiles, REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const SKIP_LIBREOFFICE = process.env.CLAUSIER_SKIP_LIBREOFFICE === '1';
const OTHER_ACCOUNT =
  'cases/A4-REFUND-ACCOUNT/a-refund-to-another-account-breaches-a4-refund-account.yaml';
const AFTER_END =
  'cases/A2-EXPENSES-IN-PERIOD/an-expense-after-the-end-breaches-a2-expenses-in-period.yaml';
const LATE_REFUND =
  'cases/as-it-stood/a-refund-dated-after-the-evaluation-date-does-not-discharge-the-overdue-refund.yaml';

/** RFC 4180: records end with CRLF; a quoted field may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      // A bare line break or carriage return is never written outside quotes.
      expect(c).not.toMatch(/[\r\n]/);
      field += c;
    }
  }
  return rows;
}

const ledger = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(['ledger', ...args], { env });
const csvRows = (args: string[]): Record<string, string>[] => {
  const run = ledger(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [header, ...rows] = parseCsv(run.stdout);
  return rows.map((row) => {
    expect(row).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, row[i]!]));
  });
};

describe('clausier ledger --format csv', () => {
  it('writes RFC 4180 with a BOM, amounts as numbers, dates YYYY-MM-DD, quoted where needed', () => {
    const run = ledger([REFERENCE, '--lang', 'en']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffRecord,Convention,Collectivité,Movement,Id,Date,Amount,From,To,Purpose,Counted,Why not counted,Breaches,Line',
    );
    expect(lines[1]).toBe(
      `${REFERENCE},dinsic-les-lilas-2019,Ville des Lilas,payment,versement-unique,2019-09-12,10000.00,the collectivité,the DINSIC,,yes,,,173`,
    );
    expect(lines[2]).toBe(
      `${REFERENCE},dinsic-les-lilas-2019,Ville des Lilas,expense,appel-intrapreneurs,2019-09-20,600.00,,,support to the call,yes,,,185`,
    );
    expect(lines).toHaveLength(1 + 1 + 8 + 1 + 1);
    expect(lines.at(-1)).toBe('');
    const findings = ledger([REFERENCE, '--table', 'findings', '--lang', 'fr']).stdout.split(
      '\r\n',
    );
    expect(findings[0]).toBe(
      '\ufeffDossier,Convention,Collectivité,Règle,Intitulé,Statut,Nature,Gravité,À la charge de,Échéance,Exécuté le,Jours de retard,Clause,Constat,Ligne,Colonne',
    );
    // A cite holds a comma: it is quoted.
    expect(findings[1]).toBe(
      `${REFERENCE},dinsic-les-lilas-2019,Ville des Lilas,A1-COACHING-WEEKLY,Point hebdomadaire avec un coach,respecté,obligation,erreur,les deux parties,,,,"art. 1 al. 5, 2e phrase ; art. 3, engagement 2 de la DINSIC",Point de coaching hebdomadaire tenu (38 semaines-intrapreneur).,,`,
    );
  });

  it('says which movements the money summary does not count, and why', () => {
    const rows = csvRows([OTHER_ACCOUNT, AFTER_END, LATE_REFUND, '--lang', 'en']);
    const notCounted = rows
      .filter((r) => r.Counted !== 'yes')
      .map((r) => [
        r.Record,
        r.Movement,
        r.Id,
        r.Amount,
        r.Counted,
        r['Why not counted'],
        r.Breaches,
        r.Line,
      ]);
    expect(notCounted).toEqual([
      [
        OTHER_ACCOUNT,
        'refund',
        'restitution-solde',
        '1150.00',
        'no',
        'paid to another account than the collectivité’s',
        'A4-REFUND-ACCOUNT',
        '196',
      ],
      [
        AFTER_END,
        'expense',
        'coaching-janvier',
        '1400.00',
        'no',
        'expense not eligible (purpose, or outside the convention’s period)',
        'A2-EXPENSES-IN-PERIOD',
        '192',
      ],
      [
        LATE_REFUND,
        'refund',
        'restitution-solde',
        '1150.00',
        'no',
        'dated after the evaluation date',
        '',
        '197',
      ],
    ]);
  });

  it('lists every payment, expense and refund of every case, and counts what the money summary counts', () => {
    const rows = csvRows(['cases', '--lang', 'en']);
    const check = JSON.parse(
      runCli(['check', 'cases', '--format', 'json', '--lang', 'en']).stdout,
    ) as { files: { file: string; money?: Record<string, number | null> }[] };
    let compared = 0;
    for (const { file, money } of check.files) {
      const mine = rows.filter((r) => r.Record === file);
      const record = parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown[]>;
      const lists = ['payments', 'expenses', 'refunds'].map((l) => (record[l] ?? []).length);
      expect(mine.length, file).toBe(lists[0]! + lists[1]! + lists[2]!);
      if (!money) continue;
      const cents = (kind: string, counted: string) =>
        mine
          .filter((r) => r.Movement === kind && r.Counted === counted)
          .reduce((sum, r) => sum + Math.round(Number(r.Amount) * 100), 0);
      expect(cents('payment', 'yes'), file).toBe(money.paid);
      if (money.eligibleExpenses !== null)
        expect(cents('expense', 'yes'), file).toBe(money.eligibleExpenses);
      else expect(mine.filter((r) => r.Movement === 'expense' && r.Counted === 'yes')).toEqual([]);
      // A refund whose account is not written leaves what it discharges unknown (null).
      if (money.refunded !== null) expect(cents('refund', 'yes'), file).toBe(money.refunded);
      const elsewhere = mine
        .filter(
          (r) => r.Movement === 'refund' && r['Why not counted']!.startsWith('paid to another'),
        )
        .reduce((sum, r) => sum + Math.round(Number(r.Amount) * 100), 0);
      if (money.refundedElsewhere !== null) expect(elsewhere, file).toBe(money.refundedElsewhere);
      compared++;
    }
    expect(compared).toBe(caseFiles().length);
  });

  it('writes every finding, and the input errors of a record that cannot be read (exit 2)', () => {
    const dir = tempDir('clausier-ledger-');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(REFERENCE, 'utf8').replace('asOf: 2020-06-30', 'asOf: 2020-02-30'),
    );
    const run = ledger([REFERENCE, bad, '--table', 'findings', '--lang', 'en']);
    expect(run.status).toBe(2);
    const rows = parseCsv(run.stdout).slice(1);
    expect(rows.filter((r) => r[0] === REFERENCE)).toHaveLength(32);
    expect(rows.filter((r) => r[0] === bad)).toEqual([
      [
        bad,
        '',
        '',
        '',
        '',
        'input error',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        "asOf: '2020-02-30' is not a date: February 2020 has 29 days",
        '3',
        '7',
      ],
    ]);
    const error = `clausier: ${bad}:3:7: asOf: '2020-02-30' is not a date: February 2020 has 29 days\n`;
    expect(run.stderr).toBe(error);
    // The money table has no row for it: standard error names it, and the exit code is 2.
    const money = ledger([REFERENCE, bad, '--lang', 'en']);
    expect([money.status, money.stderr]).toEqual([2, error]);
    expect(parseCsv(money.stdout).some((r) => r[0] === bad)).toBe(false);
    expect(parseCsv(money.stdout).filter((r) => r[0] === REFERENCE).length).toBeGreaterThan(5);
  });

  it('writes a text that a spreadsheet would take for a formula after an apostrophe', () => {
    const dir = tempDir('clausier-ledger-');
    const record = join(dir, 'formula.yaml');
    writeFileSync(
      record,
      readFileSync(REFERENCE, 'utf8').replace(
        'name: Ville des Lilas',
        'name: "=HYPERLINK(\\"x\\")"',
      ),
    );
    const rows = parseCsv(ledger([record, '--lang', 'en']).stdout);
    expect(rows[1]![2]).toBe('\'=HYPERLINK("x")');
  });

  it('gives the same bytes whatever the time zone and the locale', () => {
    const args = ['cases', '--lang', 'fr'];
    const utc = ledger(args, { TZ: 'UTC', LANG: 'C' });
    expect(ledger(args, { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' }).stdout).toBe(utc.stdout);
  });
});

describe('clausier ledger --format xlsx', () => {
  const dir = tempDir('clausier-xlsx-');
  const write = (name: string, args: string[], env: NodeJS.ProcessEnv = {}): string => {
    const file = join(dir, name);
    const run = ledger([...args, '--format', 'xlsx', '--output', file], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return file;
  };
  // Numbers are read as written in the file, so that an amount is compared to the cent.
  const read = (file: string) => readExcelFile(file, { parseNumber: (text: string) => text });

  it('writes a sheet per table, with dates as dates, amounts as numbers, yes and no as booleans', async () => {
    const file = write('reference.xlsx', [REFERENCE, OTHER_ACCOUNT, '--lang', 'fr']);
    const sheets = await read(file);
    expect(sheets.map((s) => s.sheet)).toEqual(['Mouvements', 'Constats']);
    const [money, findings] = sheets;
    expect(money!.data[0]).toEqual([
      'Dossier',
      'Convention',
      'Collectivité',
      'Mouvement',
      'Identifiant',
      'Date',
      'Montant',
      'De',
      'À',
      'Objet',
      'Compté',
      'Pourquoi non compté',
      'Manquements',
      'Ligne',
    ]);
    expect(money!.data[1]).toEqual([
      REFERENCE,
      'dinsic-les-lilas-2019',
      'Ville des Lilas',
      'versement',
      'versement-unique',
      new Date(Date.UTC(2019, 8, 12)),
      '10000',
      'la collectivité',
      'la DINSIC',
      null,
      true,
      null,
      null,
      '173',
    ]);
    const refund = money!.data.find((row) => row[0] === OTHER_ACCOUNT && row[3] === 'restitution')!;
    expect(refund.slice(5)).toEqual([
      new Date(Date.UTC(2020, 3, 15)),
      '1150',
      'la DINSIC',
      'la collectivité',
      null,
      false,
      'versée sur un autre compte que celui de la collectivité',
      'A4-REFUND-ACCOUNT',
      '196',
    ]);
    // Every amount, read as written, is the record's to the cent.
    const csv = parseCsv(ledger([REFERENCE, OTHER_ACCOUNT]).stdout).slice(1);
    expect(money!.data.slice(1).map((row) => Math.round(Number(row[6]) * 100))).toEqual(
      csv.map((row) => Math.round(Number(row[6]) * 100)),
    );
    expect(findings!.data).toHaveLength(1 + 32 + 32);
    const late = findings!.data.find(
      (row) => row[0] === OTHER_ACCOUNT && row[3] === 'A4-REFUND-ACCOUNT',
    );
    expect(late!.slice(5, 9)).toEqual(['manquement', 'obligation', 'erreur', 'la DINSIC']);
  });

  it('writes due and performance dates as dates and days late as numbers', async () => {
    const file = write('late.xlsx', [
      'cases/A4-REFUND-UNUSED/a-refund-made-a-month-after-its-deadline-is-late.yaml',
      '--table',
      'findings',
      '--lang',
      'en',
    ]);
    const [findings] = await read(file);
    expect(findings!.sheet).toBe('Findings');
    const late = findings!.data.find((row) => row[3] === 'A4-REFUND-UNUSED')!;
    expect(late.slice(9, 12)).toEqual([
      new Date(Date.UTC(2020, 4, 14)),
      new Date(Date.UTC(2020, 5, 15)),
      '32',
    ]);
  });

  it('has the same cells whatever the time zone and the locale', async () => {
    const utc = await read(write('utc.xlsx', ['cases', '--lang', 'fr'], { TZ: 'UTC', LANG: 'C' }));
    const kiritimati = await read(
      write('kiritimati.xlsx', ['cases', '--lang', 'fr'], {
        TZ: 'Pacific/Kiritimati',
        LANG: 'fr_FR.UTF-8',
      }),
    );
    expect(utc[0]!.data.length).toBeGreaterThan(500);
    expect(kiritimati).toEqual(utc);
  });

  it('is refused without a file to write, with exit 2', () => {
    const run = ledger([REFERENCE, '--format', 'xlsx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "clausier ledger: --format xlsx writes a workbook, not text: name its file with --output\nTry 'clausier ledger --help'.\n",
    );
  });

  it('is no part of what the other commands load', () => {
    const command = readFileSync(join(ROOT, 'dist', 'clausier.cjs'), 'utf8');
    const writer = readFileSync(join(ROOT, 'dist', 'xlsx.cjs'), 'utf8');
    // fflate's zip writer and write-excel-file's styles are in the XLSX script only.
    for (const text of ['xl/worksheets/sheet', 'numFmt']) {
      expect(writer).toContain(text);
      expect(command).not.toContain(text);
    }
    expect(command).toContain('require("./xlsx.cjs")');
  });
});

describe.skipIf(SKIP_LIBREOFFICE)("the spreadsheets in Debian's LibreOffice", () => {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
  /** Converts a file to CSV (semicolons, text quoted, cells as shown) with LibreOffice headless. */
  const convert = (file: string, out: string, infilter?: string): Record<string, string> => {
    if (soffice === undefined)
      throw new Error(
        'no LibreOffice: install libreoffice-calc-nogui (.ci/run does), or skip with CLAUSIER_SKIP_LIBREOFFICE=1',
      );
    const run = spawnSync(
      soffice,
      [
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        // 59: semicolons; 34: quotes; 76: UTF-8; 1033: numbers as in en-US; then quote every
        // text cell, detect numbers, save cells as shown; -1: every sheet, one file each.
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,true,true,true,false,false,-1',
        '--outdir',
        out,
        file,
      ],
      { encoding: 'utf8', env: { ...process.env, HOME: out }, timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    return Object.fromEntries(
      readdirSync(out)
        .filter((name) => name.endsWith('.csv'))
        .map((name) => [name, readFileSync(join(out, name), 'utf8')]),
    );
  };

  it('opens the XLSX: each sheet, dates shown as dates, amounts in euros, yes and no as booleans', () => {
    const dir = tempDir('clausier-lo-');
    const file = join(dir, 'ledger.xlsx');
    expect(
      ledger([REFERENCE, OTHER_ACCOUNT, '--format', 'xlsx', '-o', file, '--lang', 'fr']).status,
    ).toBe(0);
    const sheets = convert(file, join(dir, 'out'));
    expect(Object.keys(sheets).sort()).toEqual(['ledger-Constats.csv', 'ledger-Mouvements.csv']);
    const money = sheets['ledger-Mouvements.csv']!.split('\n');
    // A text is quoted; a date, an amount, a boolean or a number is not: they are typed cells.
    expect(money[1]).toBe(
      `"${REFERENCE}";"dinsic-les-lilas-2019";"Ville des Lilas";"versement";"versement-unique";12/09/2019;10,000.00 €;"la collectivité";"la DINSIC";;TRUE;;;173`,
    );
    expect(
      money.find(
        (line) => line.startsWith(`"${OTHER_ACCOUNT}";`) && line.includes('"restitution"'),
      ),
    ).toBe(
      `"${OTHER_ACCOUNT}";"dinsic-les-lilas-2019";"Ville des Lilas";"restitution";"restitution-solde";15/04/2020;1,150.00 €;"la DINSIC";"la collectivité";;FALSE;"versée sur un autre compte que celui de la collectivité";"A4-REFUND-ACCOUNT";196`,
    );
    expect(sheets['ledger-Constats.csv']!.split('\n')[0]).toContain('"Règle";"Intitulé";"Statut"');
  });

  it('opens the CSV as UTF-8 with numbers and dates, the byte order mark left out', () => {
    const dir = tempDir('clausier-lo-');
    const file = join(dir, 'ledger.csv');
    expect(ledger([REFERENCE, '-o', file, '--lang', 'fr']).status).toBe(0);
    const [csv] = Object.values(
      convert(file, join(dir, 'out'), 'Text - txt - csv (StarCalc):44,34,76,1,,1033'),
    );
    const lines = csv!.split('\n');
    expect(lines[0]).toBe(
      '"Dossier";"Convention";"Collectivité";"Mouvement";"Identifiant";"Date";"Montant";"De";"À";"Objet";"Compté";"Pourquoi non compté";"Manquements";"Ligne"',
    );
    expect(lines[2]).toBe(
      `"${REFERENCE}";"dinsic-les-lilas-2019";"Ville des Lilas";"dépense";"appel-intrapreneurs";2019-09-20;600;;;"appui à l’appel à intrapreneurs";"oui";;;185`,
    );
  });
});
