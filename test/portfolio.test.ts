/**
 * The portfolio (`clausier report DIR --html FILE`): one row per record, totals that add up to
 * the records' JSON money summaries, each record's report written beside the page; and, in
 * Debian's Chromium, on 500 generated records: no console error, no request but the file, the
 * filter and the sort work, and the page opens in under a second (see ./chromium.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecord, optionsForSize } from '../bench/generate.mjs';
import { openBrowser, saveScreenshot, SKIP_BROWSER, visit, type Browser } from './chromium.js';
import { caseFiles, REFERENCE, runCli, runCliAsync, tempDir } from './helpers.js';

const MONEY = ['paid', 'usedFunds', 'refundDue', 'refunded', 'balance'] as const;
type Money = Record<(typeof MONEY)[number], number | null> & { refundSettled: boolean };
interface JsonFile {
  file: string;
  verdict: string;
  money?: Money;
}

const checkJson = (args: string[], cwd?: string): JsonFile[] =>
  (
    JSON.parse(
      runCli(['check', ...args, '--format', 'json'], cwd === undefined ? {} : { cwd }).stdout,
    ) as { files: JsonFile[] }
  ).files;

/**
 * The sum of a money figure over the records that have it, in cents; for what is still owed, of
 * what the DINSIC owes only: the positive balances (each record is with another collectivité) of
 * the conventions that have ended (before, what is unused so far is not owed yet).
 */
const sum = (files: readonly JsonFile[], column: (typeof MONEY)[number]): number =>
  files.reduce((total, f) => {
    const value = f.money?.[column] ?? 0;
    return column === 'balance' && (value < 0 || !f.money!.refundSettled) ? total : total + value;
  }, 0);

/** What the DINSIC refunded too much, and is owed back, over the records: in cents. */
const owedBack = (files: readonly JsonFile[]): number =>
  files.reduce((total, f) => total + Math.max(0, -(f.money?.balance ?? 0)), 0);

/** What is unused so far in the conventions still running, not owed yet: in cents. */
const unsettled = (files: readonly JsonFile[]): number =>
  files.reduce(
    (total, f) =>
      f.money === undefined || f.money.refundSettled
        ? total
        : total + Math.max(0, f.money.balance ?? 0),
    0,
  );

/** The totals the page states, by column, read from its HTML. */
function totalsOf(html: string): Record<string, number> {
  return Object.fromEntries(
    [...html.matchAll(/data-total="(\w+)" data-cents="(-?\d+)"/g)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
}

describe('clausier report DIR --html FILE', () => {
  const dir = tempDir('clausier-portfolio-');
  const page = join(dir, 'out', 'portfolio.html');
  mkdirSync(dirname(page));
  const run = runCli(['report', 'cases', '--output', page, '--lang', 'en']);
  const html = readFileSync(page, 'utf8');

  it("writes one row per record, each linking to the record's own report, written beside the page", () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const links = [
      ...html.matchAll(
        /<tr data-verdict="\w+" data-search="[^"]*"><td data-sort="[^"]*"><a href="([^"]+)">/g,
      ),
    ].map((m) => m[1]!);
    expect(links).toHaveLength(caseFiles().length);
    expect(links[0]).toBe(
      'portfolio/A1-COACHING-WEEKLY/a-session-on-the-sunday-of-the-week-counts-so-the-week-waits-for-it.html',
    );
    for (const link of links) {
      const report = join(dir, 'out', ...link.split('/').map(decodeURIComponent));
      expect(existsSync(report), link).toBe(true);
    }
    const reference = readFileSync(join(dir, 'out', 'portfolio', 'les-lilas-2019.html'), 'utf8');
    expect(reference).toContain('data-verdict="compliant"');
  });

  it("states totals equal to the sums of the records' JSON money summaries", () => {
    const files = checkJson(['cases']);
    expect(totalsOf(html)).toEqual(Object.fromEntries(MONEY.map((c) => [c, sum(files, c)])));
    expect(sum(files, 'paid')).toBeGreaterThan(0);
  });

  it('never nets what the DINSIC owes one collectivité against what another owes it back', () => {
    const files = checkJson(['cases']);
    // One case refunds 350.00 € too much; twelve are judged before their convention ends, where
    // what is unused so far is not owed yet; the others' balances are what the DINSIC owes.
    expect(owedBack(files)).toBe(35_000);
    expect(unsettled(files)).toBe(4_465_000);
    expect(files.filter((f) => f.money?.refundSettled === false)).toHaveLength(12);
    expect(sum(files, 'balance')).toBe(1_460_000);
    const balance = html.match(
      /<td class="num" data-total="balance" data-cents="(\d+)" data-unsettled="(\d+)" data-owed-back="(\d+)">([^<]*)<br \/><span class="small">([^<]*)<\/span><br \/><span class="small">([^<]*)<\/span><\/td>/,
    );
    expect(balance?.slice(1)).toEqual([
      '1460000',
      '4465000',
      '35000',
      '€14,600.00',
      '+ €44,650.00 unused so far, not owed yet',
      '+ €350.00 refunded too much, owed back to the DINSIC',
    ]);
    // Each such row says so.
    const running = [
      ...html.matchAll(
        /data-column="balance" data-cents="(\d+)" data-balance="unsettled"[^>]*>([^<]*)<br \/><span class="small">([^<]*)</g,
      ),
    ];
    expect(running.map((m) => m[3])).toEqual(Array(12).fill('unused so far, not owed yet'));
    expect(running.reduce((total, m) => total + Number(m[1]), 0)).toBe(4_465_000);
  });

  it('says what each record breaches, what is overdue and what falls due next', () => {
    const row = (file: string): string =>
      html.split('\n').find((line) => line.includes(`<code>${file}</code>`))!;
    const refund = row(
      'cases/A4-REFUND-UNUSED/no-refund-four-months-after-the-end-breaches-a4-refund-unused.yaml',
    );
    expect(refund).toContain('<code>A4-REFUND-UNUSED</code>');
    expect(refund).toContain(
      '<td class="num late" data-sort="1">1<br /><span class="small">for 47 days</span></td>',
    );
    const pending = row('cases/A4-REFUND-UNUSED/a-refund-not-yet-due-is-pending.yaml');
    expect(pending).toContain(
      '<td data-sort="2020-05-14">2020-05-14<br /><code class="small">A4-REFUND-UNUSED</code></td>',
    );
  });

  it('has a row for a record that cannot be read, with its first error, and exits 2', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(REFERENCE, 'utf8').replace('asOf: 2020-06-30', 'asOf: 2020-13-01'),
    );
    const out = join(dir, 'two.html');
    const two = runCli(['report', REFERENCE, bad, '--output', out, '--lang', 'en']);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(
      new RegExp(`^clausier: ${bad}:3:7: asOf: '2020-13-01' is not a date`),
    );
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('<tr data-verdict="invalid"');
    expect(text).toContain('1 input error — line 3:');
    // Paths are kept from the deepest folder the records share (here the root).
    expect(text).toMatch(/<a href="two\/[^"]*\/cases\/les-lilas-2019\.html">Ville des Lilas<\/a>/);
  });

  it('refuses to write the page to standard output, or over a record', () => {
    const dash = runCli(['report', 'cases/A4-CAP', '--lang', 'en']);
    expect(dash.status).toBe(2);
    expect(dash.stderr).toBe(
      "clausier report: --output: a portfolio writes each record's report beside its page: name the page's file\nTry 'clausier report --help'.\n",
    );
    const over = runCli([
      'report',
      REFERENCE,
      'cases/A4-CAP',
      '--output',
      REFERENCE,
      '--lang',
      'en',
    ]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/^clausier report: --output: .* is .*, an input of this run/);
  });
});

/** What the checks run in the page use of the DOM (the project compiles without the DOM library). */
interface PageWindow {
  performance: { getEntriesByType(type: string): { loadEventEnd: number; startTime: number }[] };
}

describe.skipIf(SKIP_BROWSER)('the portfolio of 500 generated records in Chromium', () => {
  let browser: Browser;
  const dir = tempDir('clausier-portfolio-500-');
  const records = join(dir, 'records');
  const page = join(dir, 'out', 'portfolio.html');
  /** Each record's text, by its file as the page names it. */
  const texts = new Map<string, string>();
  let files: JsonFile[] = [];

  beforeAll(async () => {
    mkdirSync(records);
    mkdirSync(dirname(page));
    for (let i = 0; i < 500; i++) {
      // One record in five with breaches, as bench/run.mjs makes them.
      let text = generateRecord({
        ...optionsForSize(10_000, i + 1),
        breaches: i % 5 === 0 ? 0.4 : 0,
      });
      // One record refunds 350.00 € too much: the collectivité owes it back to the DINSIC.
      if (i === 1)
        text = text.replace(
          /(\nrefunds:\n(?:.*\n)*? {4}amount: )(\d+)\.(\d\d)/,
          (_, head: string, units: string, cents: string) =>
            `${head}${Number(units) + 350}.${cents}`,
        );
      // Two records, one with breaches, are judged on the last day of their phase 3: what is
      // unused so far is not owed yet.
      if (i === 2 || i === 5)
        text = text.replace(
          /^asOf: .*\n((?:.*\n)*? {2}preincubation:\n {4}start: .*\n {4}end: (\d{4}-\d\d-\d\d)\n)/m,
          (_, rest: string, end: string) => `asOf: ${end}\n${rest}`,
        );
      const file = `record-${String(i).padStart(3, '0')}.yaml`;
      writeFileSync(join(records, file), text);
      texts.set(join('records', file), text);
    }
    // Named relative to their folder, as a controller types them (and as the screenshot shows).
    // The page, the JSON reports and Chromium's start go side by side: this file runs alone.
    const [made, checked, opened] = await Promise.all([
      runCliAsync(
        ['report', 'records', '--output', join('out', 'portfolio.html'), '--lang', 'fr'],
        { cwd: dir },
      ),
      runCliAsync(['check', 'records', '--format', 'json'], { cwd: dir }),
      openBrowser(dir),
    ]);
    browser = opened;
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    files = (JSON.parse(checked.stdout) as { files: JsonFile[] }).files;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens in under a second, with no error and no request but the file', async () => {
    const { page: tab, url, errors, requests } = await visit(browser.context, page);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const loaded = await tab.evaluate(() => {
      const [navigation] = (globalThis as unknown as PageWindow).performance.getEntriesByType(
        'navigation',
      );
      return navigation!.loadEventEnd - navigation!.startTime;
    });
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(1000);
    expect(await tab.locator('#portfolio tbody tr').count()).toBe(500);
    await tab.close();
  });

  it("states totals equal to the sums of the records' JSON money summaries", async () => {
    const { page: tab } = await visit(browser.context, page);
    for (const column of MONEY) {
      const stated = await tab.locator(`td[data-total="${column}"]`).getAttribute('data-cents');
      expect(Number(stated), column).toBe(sum(files, column));
      const shown = await tab.locator(`td[data-shown="${column}"]`).getAttribute('data-cents');
      expect(Number(shown), column).toBe(sum(files, column));
    }
    expect(unsettled(files)).toBeGreaterThan(0);
    for (const role of ['data-total', 'data-shown']) {
      const cell = tab.locator(`td[${role}="balance"]`);
      expect(Number(await cell.getAttribute('data-owed-back')), role).toBe(owedBack(files));
      expect(Number(await cell.getAttribute('data-unsettled')), role).toBe(unsettled(files));
    }
    await tab.close();
  });

  it('filters by words (accents and case aside) and by verdict, and totals the rows shown', async () => {
    const { page: tab, errors } = await visit(browser.context, page);
    const visible = () => tab.locator('#portfolio tbody tr:not([hidden])');
    const inTown = (town: string) =>
      files.filter((f) => texts.get(f.file)!.includes(`    name: ${town}\n`));

    await tab.fill('#filter', 'MONTREUIL');
    const montreuil = inTown('Ville de Montreuil');
    expect(montreuil.length).toBeGreaterThan(10);
    expect(await visible().count()).toBe(montreuil.length);
    expect(Number(await tab.locator('td[data-shown="paid"]').getAttribute('data-cents'))).toBe(
      sum(montreuil, 'paid'),
    );
    expect(await tab.locator('#shown').innerText()).toBe(
      `Dossiers affichés : ${montreuil.length} sur 500`,
    );

    await tab.fill('#filter', 'departement exemple');
    expect(await visible().count()).toBe(inTown('Département de l’Exemple').length);

    await tab.fill('#filter', '');
    await tab.selectOption('#verdict', 'breach');
    const breaching = files.filter((f) => f.verdict === 'breach');
    expect(breaching.length).toBeGreaterThan(20);
    expect(breaching.length).toBeLessThan(500);
    expect(await visible().count()).toBe(breaching.length);
    expect(Number(await tab.locator('td[data-shown="balance"]').getAttribute('data-cents'))).toBe(
      sum(breaching, 'balance'),
    );
    expect(owedBack(breaching)).toBe(35_000);
    expect(
      Number(await tab.locator('td[data-shown="balance"]').getAttribute('data-owed-back')),
    ).toBe(owedBack(breaching));
    expect(unsettled(breaching)).toBeGreaterThan(0);
    expect(unsettled(breaching)).toBeLessThan(unsettled(files));
    expect(
      Number(await tab.locator('td[data-shown="balance"]').getAttribute('data-unsettled')),
    ).toBe(unsettled(breaching));
    const notes = await tab.locator('td[data-shown="balance"] .small').allInnerTexts();
    expect(notes).toHaveLength(2);
    // The amount of the first is data-unsettled's, checked above.
    expect(notes[0]).toMatch(/^\+ \d[\d ]*,\d\d € non utilisés à ce jour, pas encore dus$/);
    expect(notes[1]).toBe('+ 350,00 € restitués de trop, à rendre à la DINSIC');
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('sorts by a column, and back', async () => {
    const { page: tab, errors } = await visit(browser.context, page);
    const paid = tab.locator('#portfolio thead th').nth(3);
    const firstPaid = async () =>
      Number(
        await tab
          .locator('#portfolio tbody tr')
          .first()
          .locator('td[data-column="paid"]')
          .getAttribute('data-cents'),
      );
    const amounts = files.map((f) => f.money!.paid!);
    await paid.locator('button').click();
    expect(await paid.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstPaid()).toBe(Math.min(...amounts));
    await paid.locator('button').click();
    expect(await paid.getAttribute('aria-sort')).toBe('descending');
    expect(await firstPaid()).toBe(Math.max(...amounts));
    expect(Math.max(...amounts)).toBeGreaterThan(Math.min(...amounts));
    expect(errors).toEqual([]);
    await tab.close();
  });

  it("leads from a row to the record's own report", async () => {
    const { page: tab, errors, requests } = await visit(browser.context, page);
    const row = tab.locator('#portfolio tbody tr').first();
    const verdict = await row.getAttribute('data-verdict');
    await row.locator('a').click();
    await tab.waitForLoadState('load');
    expect(fileURLToPath(tab.url())).toBe(join(dir, 'out', 'portfolio', 'record-000.html'));
    expect(await tab.locator('#verdict').getAttribute('data-verdict')).toBe(verdict);
    expect(requests).toHaveLength(2);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('is pictured for the README', async () => {
    const { page: tab } = await visit(browser.context, page);
    await tab.setViewportSize({ width: 1440, height: 860 });
    // What a controller looks at first: the records not compliant, the most owed first.
    await tab.selectOption('#verdict', 'breach');
    await tab.locator('#portfolio thead th').nth(7).locator('button').click();
    await tab.locator('#portfolio thead th').nth(7).locator('button').click();
    saveScreenshot('portfolio.png', await tab.screenshot({ fullPage: false }));
    await tab.close();
  });
});
