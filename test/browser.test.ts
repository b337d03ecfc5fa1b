/**
 * The views in a real browser: Debian's Chromium, driven by playwright-core, opens the annotated
 * convention and the reports of the reference record and of a breaching case from disk, as a
 * lawyer or a finance controller would. Nothing may fail in the console, nothing may be fetched
 * but the file itself, the breaching week must be marked in the grid, the print layout must fit
 * A4, and screenshots are taken for the README (see ./chromium.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot, SKIP_BROWSER, visit, type Browser } from './chromium.js';
import { runCli, tempDir } from './helpers.js';

/** Relative to the repository, as a user types it (and as the report, and its screenshot, show it). */
const BREACH_CASE =
  'cases/A1-RELEASE-WEEKLY/an-intrapreneur-released-half-a-day-in-a-week-breaches-a1-release-weekly.yaml';
/** The screenshots taken, by file name. */
const shots = new Map<string, Buffer>();
/** The width A4 leaves between the report's print margins (210 mm less 2 × 12 mm), in CSS pixels. */
const A4_PRINTABLE_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

/**
 * What the checks run in the page use of the DOM: the project compiles without the DOM library,
 * so that no code of clausier's can use it by mistake.
 */
interface PageElement {
  getBoundingClientRect(): { right: number; bottom: number; width: number; height: number };
  getAttribute(name: string): string | null;
  innerText: string;
  tagName: string;
  nextElementSibling: PageElement | null;
}
interface PageWindow {
  document: {
    documentElement: { scrollWidth: number };
    body: { querySelectorAll(selector: string): Iterable<PageElement> };
  };
  getComputedStyle(element: PageElement): {
    backgroundColor: string;
    backgroundImage: string;
    outlineStyle: string;
    outlineWidth: string;
    breakAfter: string;
    breakBefore: string;
  };
  scrollTo(x: number, y: number): void;
  scrollY: number;
}

describe.skipIf(SKIP_BROWSER)('the views in Chromium', () => {
  let browser: Browser;
  const pages: Record<'doc' | 'reference' | 'breach', string> = {
    doc: '',
    reference: '',
    breach: '',
  };

  beforeAll(async () => {
    const dir = tempDir('clausier-views-');
    const made = [
      runCli(['doc', '--format', 'html', '-o', join(dir, 'convention.html'), '--lang', 'fr']),
      runCli([
        'report',
        'cases/les-lilas-2019.yaml',
        '-o',
        join(dir, 'reference.html'),
        '--lang',
        'fr',
      ]),
      runCli(['report', BREACH_CASE, '-o', join(dir, 'breach.html'), '--lang', 'fr']),
    ];
    for (const run of made) expect(run.stderr).toBe('');
    pages.doc = join(dir, 'convention.html');
    pages.reference = join(dir, 'reference.html');
    pages.breach = join(dir, 'breach.html');
    browser = await openBrowser(dir);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = (file: string) => visit(browser.context, file);

  /** Emulates print on the width A4 leaves, and gives how far the layout reaches. */
  async function printWidth(page: Page): Promise<{ scroll: number; right: number }> {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1100 });
    const measured = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageWindow;
      let right = 0;
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) right = Math.max(right, box.right);
      }
      return { scroll: document.documentElement.scrollWidth, right };
    });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1200, height: 900 });
    return measured;
  }

  /**
   * In print, the headings (and captions, terms, clause heads) that a page would leave at its
   * foot, away from what follows them: those whose computed style does not avoid the break after
   * them, or before the element that follows.
   */
  async function headingsLeftBehind(page: Page): Promise<string[]> {
    await page.emulateMedia({ media: 'print' });
    const left = await page.evaluate(() => {
      const window = globalThis as unknown as PageWindow;
      const out: string[] = [];
      const headings = window.document.body.querySelectorAll(
        'h1, h2, h3, h4, h5, caption, figcaption, dt, .clause-head',
      );
      for (const heading of headings) {
        const next = heading.nextElementSibling;
        const kept =
          window.getComputedStyle(heading).breakAfter === 'avoid' &&
          (next === null || window.getComputedStyle(next).breakBefore === 'avoid');
        if (!kept) out.push(`${heading.tagName}: ${heading.innerText.slice(0, 40)}`);
      }
      return out;
    });
    await page.emulateMedia({ media: 'screen' });
    return left;
  }

  it('opens the annotated convention with no error and no request but the file', async () => {
    const { page, url, errors, requests } = await open(pages.doc);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await expect(page.title()).resolves.toContain('Convention de partenariat');
    expect(await page.locator('section.clause').count()).toBeGreaterThan(50);
    const cap = page.locator('#rule-a4-cap');
    expect(await cap.locator('h4').innerText()).toContain('A4-CAP');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await headingsLeftBehind(page)).toEqual([]);
    const fits = await printWidth(page);
    expect(fits.scroll).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
    expect(fits.right).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH + 1);
    await page.setViewportSize({ width: 1200, height: 1300 });
    shots.set('doc.png', await page.screenshot({ fullPage: false }));
    await page.close();
  });

  it('opens the report of the reference record: compliant, no breach in the grid', async () => {
    const { page, url, errors, requests } = await open(pages.reference);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('compliant');
    expect(await page.locator('td.wk[data-state="breach"]').count()).toBe(0);
    expect(await page.locator('svg.timeline g.event').count()).toBe(7);
    // A landmark for screen readers: the report itself, between its header and its footer.
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('main').locator('#verdict').count()).toBe(1);
    expect(await headingsLeftBehind(page)).toEqual([]);
    const fits = await printWidth(page);
    expect(fits.scroll).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
    expect(fits.right).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH + 1);
    await page.close();
  });

  it('marks the breaching week of a breaching case, and tells it from closed weeks and leave without colour', async () => {
    const { page, url, errors, requests } = await open(pages.breach);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('breach');

    const cell = (who: string, week: string) =>
      page.locator(`tr[data-intrapreneur="${who}"] td[data-week="${week}"]`);
    const look = (who: string, week: string) =>
      cell(who, week).evaluate((td: PageElement) => {
        const style = (globalThis as unknown as PageWindow).getComputedStyle(td);
        return {
          state: td.getAttribute('data-state'),
          text: td.innerText.replace(/\s+/g, ' ').trim(),
          background: `${style.backgroundColor} ${style.backgroundImage}`,
          outline:
            style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
    const breach = await look('Sami Benali', '2019-W45');
    expect(breach.state).toBe('breach');
    // What is shown, then what a screen reader also says.
    expect(breach.text).toBe('✗ 0,5 ● manquement');
    expect(breach.outline).toBe('solid 2px');
    await expect(
      cell('Sami Benali', '2019-W45').locator('a').getAttribute('href'),
    ).resolves.toMatch(/^#finding-\d+$/);
    const ok = await look('Sami Benali', '2019-W44');
    expect(ok).toMatchObject({ state: 'ok', text: '1,5 ● sans manquement', outline: 'none' });
    const closed = await look('Sami Benali', '2019-W52');
    expect(closed.state).toBe('closed');
    expect(closed.text).toBe('fermé semaine de fermeture');
    expect(closed.background).toContain('repeating-linear-gradient');
    const leave = await look('Léa Robert', '2019-W48');
    expect(leave.state).toBe('leave');
    expect(leave.text).toBe('congé congé de l’intrapreneur');
    expect(leave.background).toContain('radial-gradient');
    // Four looks, none told by colour alone: a symbol, a word, a pattern or an outline each.
    expect(
      new Set([breach.background, ok.background, closed.background, leave.background]).size,
    ).toBe(4);

    // The link from the week leads to the finding, with its clause and line.
    await cell('Sami Benali', '2019-W45').locator('a').click();
    const target = page.locator(':target');
    expect(await target.getAttribute('data-rule')).toBe('A1-RELEASE-WEEKLY');
    expect(await target.locator('.src.target').getAttribute('data-line')).toBe('129');

    const fits = await printWidth(page);
    expect(fits.scroll).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
    expect(fits.right).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH + 1);

    await page.evaluate(() => (globalThis as unknown as PageWindow).scrollTo(0, 0));
    // The top of the report, down to the grid of weeks: what a finance controller sees first.
    const gridBottom = await page
      .locator('#weeks .legend')
      .evaluate((e: PageElement) =>
        Math.ceil(
          e.getBoundingClientRect().bottom + (globalThis as unknown as PageWindow).scrollY + 16,
        ),
      );
    await page.setViewportSize({ width: 1200, height: gridBottom });
    shots.set('report.png', await page.screenshot({ fullPage: false }));
    for (const [name, png] of shots) saveScreenshot(name, png);
    await page.close();
  });

  it('folds under the breach how it was reached, each record value a link to its line', async () => {
    const { page, errors } = await open(pages.breach);
    expect(errors).toEqual([]);
    const finding = page.locator('article.finding[data-rule="A1-RELEASE-WEEKLY"]');
    const why = finding.locator('details.why');
    // Folded: the reasoning is there, but not shown until asked for.
    expect(await why.getAttribute('open')).toBeNull();
    expect(await why.locator('ul').first().isVisible()).toBe(false);
    await why.locator('summary').click();
    const steps = (await why.locator('li').allInnerTexts()).map((t) => t.split('\n')[0]);
    expect(steps.slice(0, 6)).toEqual([
      'Pourquoi : manquement (short-week)',
      'le constat porte sur',
      'intrapreneur : Sami Benali',
      'projet : signalements-voirie',
      'jours de libération dans la semaine est inférieur au paramètre minReleaseDaysPerWeek (Nombre minimal de jours par semaine où chaque intrapreneur est libéré de ses tâches habituelles : 1 jour) : oui',
      'jours de libération dans la semaine : 0,5 (art. 1 al. 5, 1re phrase)',
    ]);
    // The record value's line is a link to that line, as the file writes it.
    await why.locator('a[href="#line-128"]').first().click();
    const line = page.locator(':target');
    expect(await line.getAttribute('id')).toBe('line-128');
    expect(await line.isVisible()).toBe(true);
    expect((await line.innerText()).replace(/\s+/g, ' ').trim()).toBe('128 release: {');
    await page.close();
  });
});
