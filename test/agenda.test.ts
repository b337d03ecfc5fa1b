/**
 * `clausier agenda`: what falls due, read off the findings. On every case it lists exactly the
 * pending and overdue findings of `check --verbose`, with their due dates; its iCalendar output
 * is parsed by a real iCalendar library (ical.js) and its event ids survive a second run.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../src/report/ics.js';
import { REFERENCE, ROOT, runCli, tempDir, type Run } from './helpers.js';

interface JsonFinding {
  rule: string;
  status: string;
  due?: string;
  performed?: string;
  daysLate?: number;
  locations: { pointer: string; line: number; column: number }[];
}
interface JsonEntry {
  file: string;
  rule: string;
  status: 'overdue' | 'pending';
  due?: string;
  dueWhen?: string;
  daysLate?: number;
  daysLeft?: number;
  amount?: number;
  asOf: string;
  line?: number;
  column?: number;
  pointer?: string;
}
interface JsonAgenda {
  asOf: string | null;
  until: string | null;
  entries: JsonEntry[];
  invalid: { file: string; errors: { message: string; line: number }[] }[];
  summary: { records: number; invalid: number; overdue: number; pending: number };
}

const agenda = (args: string[], env: NodeJS.ProcessEnv = {}): Run =>
  runCli(['agenda', ...args], { env });
const json = (args: string[]): JsonAgenda => {
  const run = agenda([...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as JsonAgenda;
};

const OVERDUE_REFUND =
  'cases/A4-REFUND-UNUSED/no-refund-four-months-after-the-end-breaches-a4-refund-unused.yaml';
const IN_PROGRESS =
  'cases/in-progress/a-programme-in-its-fifth-week-of-pre-incubation-has-obligations-pending.yaml';

describe('clausier agenda on every case', () => {
  const check = runCli(['check', 'cases', '--verbose', '--format', 'json', '--lang', 'en']);
  const files = (
    JSON.parse(check.stdout) as {
      files: { file: string; asOf?: string; findings: JsonFinding[] }[];
    }
  ).files;
  const listed = json(['cases', '--lang', 'en']);

  it('lists exactly the pending and overdue findings of check --verbose, with the same due dates', () => {
    // Overdue: a breach with a due date, not performed; a breach performed late is history.
    const expected = files.flatMap(({ file, findings }) =>
      findings
        .filter(
          (f) =>
            f.status === 'pending' ||
            (f.status === 'breach' &&
              f.due !== undefined &&
              f.daysLate !== undefined &&
              f.performed === undefined),
        )
        .map((f) =>
          [
            file,
            f.rule,
            f.status === 'pending' ? 'pending' : 'overdue',
            f.due ?? '',
            f.status === 'breach' ? f.daysLate : '',
            f.locations[0]?.line ?? '',
          ].join(' '),
        ),
    );
    const actual = listed.entries.map((e) =>
      [e.file, e.rule, e.status, e.due ?? '', e.daysLate ?? '', e.line ?? ''].join(' '),
    );
    expect(expected.length).toBeGreaterThan(30);
    expect([...actual].sort()).toEqual([...expected].sort());
    expect(listed.summary).toEqual({
      records: files.length,
      invalid: 0,
      overdue: expected.filter((e) => e.includes(' overdue ')).length,
      pending: expected.filter((e) => e.includes(' pending ')).length,
    });
  });

  it('sorts by due date, what is overdue first on a day, and what has no date yet last', () => {
    const keys = listed.entries.map((e) => `${e.due ?? '9999'} ${e.status === 'overdue' ? 0 : 1}`);
    expect(keys).toEqual([...keys].sort());
    const undated = listed.entries.filter((e) => e.due === undefined);
    expect(undated.length).toBeGreaterThan(3);
    // Never left out: each says when its rule makes it due.
    for (const e of undated) expect(e.dueWhen, e.rule).toMatch(/\w{4}/);
    expect(undated.find((e) => e.rule === 'A1-POC-PRESENTED')?.dueWhen).toBe(
      'by the end of phase 4',
    );
  });

  it('says how long overdue, and how long until what is pending falls due', () => {
    for (const e of listed.entries) {
      const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
      if (e.status === 'overdue') expect(e.daysLate).toBe(days(e.due!, e.asOf));
      else if (e.due !== undefined) expect(e.daysLeft).toBe(days(e.asOf, e.due));
      else expect(e.daysLeft).toBeUndefined();
    }
  });
});

describe('clausier agenda: what is listed', () => {
  it('gives the refund still owed as the amount of the refund obligation, and nothing else one', () => {
    const overdue = json([OVERDUE_REFUND, '--lang', 'en']).entries;
    expect(overdue).toEqual([
      expect.objectContaining({
        rule: 'A4-REFUND-UNUSED',
        status: 'overdue',
        due: '2020-05-14',
        daysLate: 47,
        amount: 115_000,
      }),
    ]);
    const pending = json([IN_PROGRESS, '--lang', 'en']).entries;
    expect(pending.filter((e) => e.amount !== undefined)).toEqual([
      expect.objectContaining({ rule: 'A4-REFUND-UNUSED', amount: 675_000 }),
    ]);
  });

  it('--until keeps what is overdue, what falls due by then, and what has no date yet', () => {
    const all = json(['cases', '--as-of', '2019-09-20', '--lang', 'en']);
    const until = json(['cases', '--as-of', '2019-09-20', '--until', '2019-10-20', '--lang', 'en']);
    expect(all.asOf).toBe('2019-09-20');
    expect(until.until).toBe('2019-10-20');
    const kept = all.entries.filter(
      (e) => e.status === 'overdue' || e.due === undefined || e.due <= '2019-10-20',
    );
    expect(kept.length).toBeLessThan(all.entries.length);
    expect(until.entries).toEqual(kept);
    expect(until.entries.some((e) => e.due === undefined)).toBe(true);
    expect(until.entries.some((e) => e.due !== undefined && e.due <= '2019-10-20')).toBe(true);
  });

  it('reports a record it cannot read, with its line, and exits 2', () => {
    const dir = tempDir('clausier-agenda-');
    writeFileSync(
      join(dir, 'bad.yaml'),
      readFileSync(REFERENCE, 'utf8').replace('asOf: 2020-06-30', 'asOf: 12019-08-30'),
    );
    const bad = join(dir, 'bad.yaml');
    const run = agenda([bad, OVERDUE_REFUND, '--lang', 'en', '--format', 'json']);
    expect(run.status).toBe(2);
    const out = JSON.parse(run.stdout) as JsonAgenda;
    expect(out.invalid).toEqual([
      {
        file: bad,
        errors: [
          {
            message:
              "asOf: '12019-08-30' is not a date: the year has five digits (expected YYYY-MM-DD)",
            line: 3,
            column: 7,
            pointer: '/asOf',
          },
        ],
      },
    ]);
    expect(out.entries).toHaveLength(1);
    const text = agenda([bad, '--lang', 'en']);
    expect(text.status).toBe(2);
    expect(text.stdout).toContain(
      `1 record could not be read: its obligations are not listed.\n  ${bad}:3:7  asOf: '12019-08-30' is not a date`,
    );
    const ics = agenda([bad, OVERDUE_REFUND, '--format', 'ics']);
    expect(ics.status).toBe(2);
    expect(ics.stderr).toBe(
      `clausier: ${bad}:3:7: asOf: '12019-08-30' is not a date: the year has five digits (expected YYYY-MM-DD)\n`,
    );
    expect(ics.stdout).toContain('BEGIN:VEVENT');
  });

  it('refuses a date that is not one', () => {
    const run = agenda([REFERENCE, '--until', '2020-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "clausier agenda: --until: '2020-02-30' is not a date: February 2020 has 29 days\nTry 'clausier agenda --help'.\n",
    );
  });
});

describe('clausier agenda: text, Markdown', () => {
  it('writes what is overdue in English and in French, with who owes it, the amount, the clause and the line', () => {
    expect(agenda([OVERDUE_REFUND, '--lang', 'en']).stdout).toBe(
      [
        'Agenda: 1 obligation to perform in 1 record, 1 overdue, 0 pending (as of 2020-06-30)',
        '',
        '2020-05-14  overdue by 47 days  A4-REFUND-UNUSED  Refund of unused credits · €1,150.00',
        `    ${OVERDUE_REFUND}:195:1`,
        '    Ville des Lilas (dinsic-les-lilas-2019) · owed by the DINSIC · art. 4 al. 4',
        "    Refunds to the collectivité's account: €0.00 as of 2020-06-30 against €1,150.00 due by 2020-05-14 (paid €10,000.00, credits used €8,850.00).",
        '',
      ].join('\n'),
    );
    expect(agenda([OVERDUE_REFUND, '--lang', 'fr']).stdout).toBe(
      [
        'Échéancier : 1 obligation à exécuter dans 1 dossier, 1 en retard, 0 en attente (au 30/06/2020)',
        '',
        '14/05/2020  en retard de 47 jours  A4-REFUND-UNUSED  Restitution des crédits non utilisés · 1 150,00 €',
        `    ${OVERDUE_REFUND}:195:1`,
        '    Ville des Lilas (dinsic-les-lilas-2019) · à la charge de la DINSIC · art. 4 al. 4',
        '    Restitutions sur le compte de la collectivité : 0,00 € au 30/06/2020 pour 1 150,00 € dus au plus tard le 14/05/2020 (versé 10 000,00 €, crédits utilisés 8 850,00 €).',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing is pending or overdue', () => {
    expect(agenda([REFERENCE, '--lang', 'en']).stdout).toBe(
      'Agenda: nothing pending or overdue in 1 record\n',
    );
  });

  it('writes a Markdown table, escaped', () => {
    const run = agenda([
      REFERENCE,
      '--as-of',
      '2020-04-01',
      '--format',
      'markdown',
      '--lang',
      'en',
    ]);
    // The refund is to be written in the record's `refunds:` list, line 195.
    expect(run.stdout).toBe(
      [
        '## Agenda: 1 obligation to perform in 1 record, 0 overdue, 1 pending (as of 2020-04-01)',
        '',
        '| Due | Where it stands | Rule | Owed by | Amount | Record | Clause | Finding |',
        '| --- | --- | --- | --- | ---: | --- | --- | --- |',
        `| 2020-05-14 | in 43 days | **A4-REFUND-UNUSED** Refund of unused credits | the DINSIC | €1,150.00 | Ville des Lilas (dinsic-les-lilas-2019)<br>\`${REFERENCE}:195:1\` | art. 4 al. 4 | Credits unused so far: €1,150.00 (already refunded: €0.00), to be refunded within 3 months of the end of the convention (deadline: 2020-05-14). |`,
        '',
      ].join('\n'),
    );
  });
});

/** The components of an iCalendar text, parsed by ical.js. */
function parseIcs(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/** UTC and the C locale: the runs that others, in other time zones and locales, must equal. */
const UTC_C: NodeJS.ProcessEnv = { TZ: 'UTC', LANG: 'C' };
/** `agenda cases --lang fr` in iCalendar and in JSON, made once for the tests of both. */
const ICS_FR = agenda(['cases', '--format', 'ics', '--lang', 'fr'], UTC_C);
const JSON_FR = agenda(['cases', '--format', 'json', '--lang', 'fr'], UTC_C);

describe('clausier agenda --format ics', () => {
  const run = ICS_FR;
  expect(JSON_FR.stderr).toBe('');
  expect(JSON_FR.status).toBe(0);
  const entries = (JSON.parse(JSON_FR.stdout) as JsonAgenda).entries;
  const calendar = parseIcs(run.stdout);
  const events = calendar.getAllSubcomponents('vevent');
  const todos = calendar.getAllSubcomponents('vtodo');

  it('parses as iCalendar: one all-day event per deadline, a to-do for what has no date yet', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/^-\/\/clausier\/\/clausier /);
    const dated = entries.filter((e) => e.due !== undefined);
    expect(events).toHaveLength(dated.length);
    expect(todos).toHaveLength(entries.length - dated.length);
    events.forEach((event, i) => {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe(dated[i]!.due);
      expect(end.isDate).toBe(true);
      expect(end.subtractDate(start).toSeconds()).toBe(86_400);
      const stamp = event.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.isDate).toBe(false);
      expect(stamp.zone?.tzid).toBe('UTC');
      expect(stamp.toString()).toBe(`${dated[i]!.asOf}T00:00:00Z`);
    });
    for (const todo of todos) {
      expect(todo.getFirstPropertyValue('due')).toBeNull();
      expect(todo.getFirstPropertyValue('description')).toMatch(
        /^[^\n]+\nÉchéance : .+ \(date non encore connue\)\n/,
      );
    }
  });

  it('quotes the clause in the description, and alarms a week before what is still ahead only', () => {
    const refund = events.find(
      (e) =>
        (e.getFirstPropertyValue('summary') as string).startsWith('EN RETARD — Restitution') &&
        (e.getFirstPropertyValue('description') as string).includes(OVERDUE_REFUND),
    )!;
    expect(refund.getFirstPropertyValue('summary')).toBe(
      'EN RETARD — Restitution des crédits non utilisés — Ville des Lilas — 1 150,00 €',
    );
    const description = refund.getFirstPropertyValue('description') as string;
    expect(description).toContain(
      'art. 4 al. 4 : « Les crédits versés par la collectivité qui ne seraient pas utilisés ou le seraient à des fins autres que celles fixées dans la présente convention seront restitués par la DINSIC »',
    );
    expect(description).toContain('Échéance : 14/05/2020 (en retard de 47 jours)');
    expect(description).toContain('À la charge de la DINSIC · Montant dû : 1 150,00 €');
    expect(description).toContain(`Dossier : ${OVERDUE_REFUND}, ligne 195`);
    expect(refund.getAllSubcomponents('valarm')).toHaveLength(0);

    dated(entries).forEach((entry, i) => {
      const alarms = events[i]!.getAllSubcomponents('valarm');
      if (entry.status === 'overdue') expect(alarms).toHaveLength(0);
      else {
        expect(alarms).toHaveLength(1);
        expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
        const trigger = alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration;
        expect(trigger.toSeconds()).toBe(-7 * 86_400);
      }
    });
  });

  it('folds lines at 75 octets with CRLF, never inside a character', () => {
    const text = run.stdout;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // A fold in the middle of a multi-byte character would leave U+FFFD once decoded.
    expect(text).not.toContain('\ufffd');
    expect(text).toContain('crédits');
  });

  it('gives each event an id that the next run gives it again, whatever the evaluation date', () => {
    const uids = (text: string) =>
      parseIcs(text)
        .getAllSubcomponents()
        .map((c) => c.getFirstPropertyValue('uid') as string);
    const first = uids(run.stdout);
    expect(new Set(first).size).toBe(first.length);
    for (const uid of first)
      expect(uid).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}@clausier$/);
    // The same records again, in English: the same ids, in the same order.
    expect(uids(agenda(['cases', '--format', 'ics', '--lang', 'en']).stdout)).toEqual(first);
    // Two weeks later, the refund still pending keeps its id: a calendar updates its event.
    const before = agenda([REFERENCE, '--as-of', '2020-04-01', '--format', 'ics']).stdout;
    const after = agenda([REFERENCE, '--as-of', '2020-04-14', '--format', 'ics']).stdout;
    expect(uids(after)).toEqual(uids(before));
    expect(uids(before)).toHaveLength(1);
    expect(after).not.toBe(before);
    expect(
      parseIcs(after).getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString(),
    ).toBe('2020-04-14T00:00:00Z');
  });

  it('tells apart two files of one run that share a convention id, and keeps the id of a moved file', () => {
    const dir = tempDir('clausier-agenda-uid-');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    cpSync(join(ROOT, OVERDUE_REFUND), join(dir, 'a', 'refund.yaml'));
    cpSync(join(ROOT, OVERDUE_REFUND), join(dir, 'b', 'copy.yaml'));
    const uid = (args: string[]) =>
      parseIcs(agenda([...args, '--format', 'ics']).stdout)
        .getAllSubcomponents('vevent')
        .map((e) => e.getFirstPropertyValue('uid'));
    const alone = uid([join(dir, 'a', 'refund.yaml')]);
    expect(uid([join(dir, 'b', 'copy.yaml')])).toEqual(alone);
    const both = uid([join(dir, 'a'), join(dir, 'b')]);
    expect(both).toHaveLength(2);
    expect(new Set(both).size).toBe(2);
  });
});

const dated = (entries: JsonEntry[]): JsonEntry[] => entries.filter((e) => e.due !== undefined);

describe('iCalendar lines', () => {
  it('folds at 75 octets, counting the leading space of each continuation', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    expect(foldLine('a'.repeat(75 + 74 + 1))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
    // 'é' is two octets: at 74 octets, the next one does not fit on the line.
    expect(foldLine(`${'a'.repeat(74)}éb`)).toBe(`${'a'.repeat(74)}\r\n éb`);
    // '€' is three, '𝄞' four.
    expect(foldLine(`${'a'.repeat(73)}€`)).toBe(`${'a'.repeat(73)}\r\n €`);
    expect(foldLine(`${'a'.repeat(71)}𝄞`)).toBe(`${'a'.repeat(71)}𝄞`);
    expect(foldLine(`${'a'.repeat(72)}𝄞`)).toBe(`${'a'.repeat(72)}\r\n 𝄞`);
  });

  it('escapes what TEXT values escape and drops control characters', () => {
    expect(escapeText('a;b,c\\d\ne\r\nf\u0007g\th')).toBe('a\\;b\\,c\\\\d\\ne\\nfg\th');
  });
});

describe('the agenda does not depend on the time zone or the locale', () => {
  it('gives the same bytes in text and in iCalendar', () => {
    const made: Record<string, Run> = { ics: ICS_FR, json: JSON_FR };
    for (const format of ['text', 'ics', 'json']) {
      const args = ['cases', '--format', format, '--lang', 'fr'];
      const utc = made[format] ?? agenda(args, UTC_C);
      const kiritimati = agenda(args, { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' });
      const losAngeles = agenda(args, { TZ: 'America/Los_Angeles', LC_ALL: 'fr_FR.UTF-8' });
      expect(utc.stdout.length).toBeGreaterThan(1000);
      expect(kiritimati.stdout).toBe(utc.stdout);
      expect(losAngeles.stdout).toBe(utc.stdout);
    }
  });
});

describe('the README', () => {
  it('shows the agenda as clausier prints it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```text\n\$ npx clausier (agenda [^\n]+)\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    expect(agenda(block![1]!.split(' ').slice(1)).stdout).toBe(block![2]);
  });
});
