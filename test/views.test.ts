/**
 * The views for people who do not read code: the annotated convention (`clausier doc`) and the
 * programme report (`clausier report`). Exact content where a reader relies on it (counts, money,
 * quotes, lines, the state of each week), well-formed static HTML that loads nothing, and the same
 * bytes in any time zone and locale.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { expectedStatus, packCases } from '../src/rules/cases.js';
import { inspectFile } from '../src/pipeline.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacks, builtInPacksDir } from '../src/rules/pack/root.js';
import type { RulePack } from '../src/rules/pack/types.js';
import type { Language } from '../src/base/language.js';
import {
  annotateConvention,
  conventionHtml,
  conventionMarkdown,
  isJudged,
  programmeReportHtml,
  type WeekState,
} from '../src/views/index.js';
import { escapeHtml } from '../src/views/html.js';
import { applyWaivers, loadWaivers } from '../src/run/waivers.js';
import { caseFiles, REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const PACK = loadRulePack(join(builtInPacksDir(), 'dinsic-preincubation-2019'));
const DOC = annotateConvention(PACK, packCases(PACK));
const MARKDOWN = conventionMarkdown(DOC, 'fr');

const CAP_CASE = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');
const PHASE_4_MISSING_CASE = join(
  ROOT,
  'cases/A1-PHASES-COMPLETE/a-programme-missing-phase-4-breaches-a1-phases-complete.yaml',
);
const HALF_DAY_CASE = join(
  ROOT,
  'cases/A1-RELEASE-WEEKLY/an-intrapreneur-released-half-a-day-in-a-week-breaches-a1-release-weekly.yaml',
);
const NO_COACHING_CASE = join(
  ROOT,
  'cases/A1-COACHING-WEEKLY/a-week-without-a-coaching-session-breaches-a1-coaching-weekly.yaml',
);
const IN_PROGRESS_CASE = join(
  ROOT,
  'cases/in-progress/a-programme-in-its-fifth-week-of-pre-incubation-has-obligations-pending.yaml',
);
const NO_RELEASE_CASE = join(
  ROOT,
  'cases/A1-RELEASE-WEEKLY/an-intrapreneur-without-release-records-leaves-a1-release-weekly-undetermined.yaml',
);

async function reportOf(file: string, language: Language = 'fr'): Promise<string> {
  const inspection = await inspectFile(file, { language, trace: 'open' });
  if (!isJudged(inspection)) throw new Error(`${file} has input errors`);
  return programmeReportHtml(inspection, { language, tool: 'clausier test' });
}

/** Whitespace collapsed: what a reader sees of wrapped Markdown. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** The Markdown of one clause unit: from the heading before its status line to the next unit. */
function unitSection(markdown: string, id: string): string {
  const lines = markdown.split('\n');
  const status = lines.findIndex((l) => l.startsWith(`\`${id}\` · **`));
  expect(status, `the status line of ${id}`).toBeGreaterThan(0);
  let start = status;
  while (start > 0 && !/^#{2,3} /.test(lines[start]!)) start--;
  let end = status + 1;
  while (end < lines.length && !/^#{2,3} /.test(lines[end]!)) end++;
  return lines.slice(start, end).join('\n');
}

/** The state of every week cell of each intrapreneur's row, in the order of the weeks. */
function weekStates(html: string): Map<string, { week: string; state: string }[]> {
  const rows = new Map<string, { week: string; state: string }[]>();
  for (const row of html.matchAll(/<tr data-intrapreneur="([^"]*)"[^>]*>(.*?)<\/tr>/gs)) {
    const cells = [...row[2]!.matchAll(/data-week="([^"]+)" data-state="([^"]+)"/g)].map((m) => ({
      week: m[1]!,
      state: m[2]!,
    }));
    rows.set(row[1]!, [...(rows.get(row[1]!) ?? []), ...cells]);
  }
  return rows;
}

/** What a page must never hold: anything that loads from elsewhere or runs. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed/i);
  expect(html).not.toMatch(/\ssrc=|\shref="(?!#)/);
  expect(html).not.toMatch(/url\(|@import/);
  expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
}

function expectWellFormed(html: string, name: string): void {
  const result = XMLValidator.validate(html);
  expect(result, `${name}: ${JSON.stringify(result)}`).toBe(true);
}

/** The units of a pack by coverage, counted from the pack's own files. */
function coverageOf(pack: RulePack, ids: string[]): number[] {
  const encoded = new Set(pack.rules.flatMap((r) => r.clauses));
  const units = ids.map((id) => pack.clause(id)!);
  const full = units.filter((u) => encoded.has(u.id) && !u.partlyEncoded).length;
  const partly = units.filter((u) => encoded.has(u.id) && u.partlyEncoded).length;
  const excused = units.filter((u) => !encoded.has(u.id) && u.notEncoded).length;
  return [units.length, full, partly, excused];
}

describe('clausier doc: the annotated convention in Markdown', () => {
  it('opens with a coverage table whose counts are those of clauses.yaml and the rules', () => {
    const [units, full, partly, excused] = coverageOf(
      PACK,
      PACK.clauses.map((c) => c.id),
    );
    expect(MARKDOWN).toContain(
      `| **Total** | **${units}** | **${full}** | **${partly}** | **${excused}** |`,
    );
    // The built-in pack, as its files stand: every unit encoded or excused.
    expect([units, full, partly, excused]).toEqual([54, 21, 12, 21]);
    const article4 = PACK.clauses.slice(
      PACK.clauses.findIndex((c) => c.id === 'art4'),
      PACK.clauses.findIndex((c) => c.id === 'art5'),
    );
    expect(MARKDOWN).toContain(
      `| ARTICLE 4: Dispositions financières | ${coverageOf(
        PACK,
        article4.map((c) => c.id),
      ).join(' | ')} |`,
    );
    expect(MARKDOWN.indexOf('## Couverture du texte')).toBeLessThan(MARKDOWN.indexOf('### titre'));
  });

  it('gives the full text in order, one section per unit, each unit quoted verbatim', () => {
    let at = 0;
    for (const unit of PACK.clauses) {
      const next = MARKDOWN.indexOf(`\`${unit.id}\` · **`, at);
      expect(next, unit.id).toBeGreaterThan(at);
      at = next;
      if (unit.kind === 'heading') continue;
      // The quote, unwrapped and unescaped, is the unit's text, its paragraphs and line breaks kept.
      const lines = unitSection(MARKDOWN, unit.id)
        .split('\n')
        .filter((l) => l.startsWith('>'))
        .map((l) => l.replace(/^> ?/, ''));
      const paragraphs = [''];
      for (const line of lines) {
        if (line === '') paragraphs.push('');
        else
          paragraphs[paragraphs.length - 1] += line.endsWith('\\')
            ? `${line.slice(0, -1)}\n`
            : `${line} `;
      }
      const quoted = paragraphs.map((p) => p.trimEnd().replace(/\\(.)/g, '$1')).join('\n\n');
      const text = unit.text
        .split(/\n[ \t]*\n/)
        .map((p) =>
          p
            .split('\n')
            .map((l) => l.trim())
            .join('\n'),
        )
        .join('\n\n');
      expect(quoted).toBe(text);
    }
  });

  it('says why a unit is not encoded, in French then in English', () => {
    const section = unitSection(MARKDOWN, 'art4.al3.s2');
    expect(flat(section)).toContain(
      "`art4.al3.s2` · **non encodée** : Acte d'un tiers (la direction du Budget), hors du dossier.",
    );
    expect(flat(section)).toContain(
      '*An act of a third party (the budget directorate), outside the record.*',
    );
    expect(section).not.toContain('####');
    const partly = flat(unitSection(MARKDOWN, 'art4.al1'));
    expect(partly).toContain(
      "**encodée en partie** par [`A4-CAP`](#rule-a4-cap). « qui ne saurait être considérée comme le résultat d'une activité commerciale » n'est pas encodé",
    );
  });

  it('puts each rule under each unit it encodes, in full under the first one only', () => {
    const position = new Map(PACK.clauses.map((c, i) => [c.id, i]));
    for (const rule of PACK.rules) {
      const home = [...rule.clauses].sort((a, b) => position.get(a)! - position.get(b)!)[0]!;
      for (const id of rule.clauses) {
        const section = unitSection(MARKDOWN, id);
        const anchor = `#### <a id="rule-${rule.id.toLowerCase()}"></a>\`${rule.id}\``;
        if (id === home) expect(section, `${rule.id} under ${id}`).toContain(anchor);
        else {
          expect(section, `${rule.id} under ${id}`).toContain(`#### \`${rule.id}\``);
          expect(flat(section)).toContain(`(#rule-${rule.id.toLowerCase()}).`);
        }
        expect(flat(section)).toContain(`**Résumé :** ${rule.summary.fr}`);
        expect(flat(section)).toContain(`**Summary:** ${rule.summary.en}`);
      }
      expect(MARKDOWN.split(`<a id="rule-${rule.id.toLowerCase()}">`)).toHaveLength(2);
    }
  });

  it('shows a rule’s severity, obligor, due date, interpretation, parameters with values, breaches and cases', () => {
    const cap = flat(unitSection(MARKDOWN, 'art3.collectivite.4'));
    expect(cap).toContain(
      '**Gravité :** erreur · **Débiteur :** la collectivité · **Échéance :** toujours',
    );
    expect(cap).toContain('**Citation :** « dans un plafond de 10 000 euros »');
    expect(cap).toContain("**Interprétation :** Le plafond s'apprécie versement par versement");
    expect(cap).toContain('**Interpretation:** The cap is checked payment by payment');
    expect(cap).toContain(
      '`fundingCap` — Plafond de la participation de la collectivité : **10 000,00 €** (modifiable par avenant ; art. 3, engagement 4 de la collectivité ; art. 4 al. 1)',
    );
    expect(cap).toContain('- `over-cap` si : - total versé à cette date, ce versement compris');
    const cases = packCases(PACK).map((c) => ({
      name: c.name,
      status: expectedStatus(c.expectation, 'A4-CAP'),
    }));
    const named = (status: string): string =>
      cases
        .filter((c) => c.status === status)
        .map((c) => ` - \`${c.name}\``)
        .sort()
        .join('');
    const count = (status: string): number => cases.filter((c) => c.status === status).length;
    expect(count('breach')).toBeGreaterThanOrEqual(2);
    expect(cap).toContain(
      `- **Cas :** - ✗ en manquement dans ${count('breach')} cas :${named('breach')} - ✓ respectée dans ${count('satisfied')} cas`,
    );
    expect(cap).toContain('`A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml`');
    const notice = flat(unitSection(MARKDOWN, 'art5.al1'));
    expect(notice).toContain(
      '`noticePeriod` — Délai pendant lequel une mise en demeure doit rester',
    );
    expect(notice).toContain('**1 mois**');
  });

  it('diffs cleanly: no trailing space, no tab, no run of blank lines, prose wrapped at 100', () => {
    const lines = MARKDOWN.split('\n');
    expect(MARKDOWN.endsWith('\n') && !MARKDOWN.endsWith('\n\n')).toBe(true);
    for (const [n, line] of lines.entries()) {
      expect(line, `line ${n + 1}`).not.toMatch(/[ \t]$|\t/);
      if (n > 0) expect(`${lines[n - 1]}\n${line}`, `line ${n + 1}`).not.toBe('\n');
      const prose = !/^(#|\|)/.test(line) && !/^\s*- `[^`]+`$/.test(line);
      if (prose && [...line].length > 100)
        // Only a word longer than the width may overflow it.
        expect(line.trim().split(' ').length, `line ${n + 1}: ${line}`).toBeLessThanOrEqual(3);
    }
    expect(MARKDOWN).not.toMatch(/\d{4}-\d{2}-\d{2}T|\b20\d\d-\d\d-\d\d \d\d:/);
    expect(conventionMarkdown(annotateConvention(PACK, packCases(PACK)), 'fr')).toBe(MARKDOWN);
  });

  it('never lets wrapping turn text into Markdown: no line of prose starts a list, a quote or a heading by accident', () => {
    const fromText = MARKDOWN.split('\n').filter((l) => /^> /.test(l));
    for (const line of fromText) expect(line).not.toMatch(/^> (?:[-+*#]|\d+[.)]) /);
  });

  it('is in English with --lang en, both summaries still shown', () => {
    const english = conventionMarkdown(DOC, 'en');
    expect(english).toContain('## Coverage of the text');
    expect(flat(english)).toContain('`art4.al3.s2` · **not encoded**: An act of a third party');
    expect(flat(english)).toContain("*Acte d'un tiers (la direction du Budget), hors du dossier.*");
    expect(flat(english)).toContain('**Summary:** The collectivité');
    expect(flat(english)).toContain('**Résumé :** Les versements de la collectivité');
    expect(flat(english)).toContain("Cap on the collectivité's contribution: **€10,000.00**");
  });
});

describe('clausier doc: the annotated convention in HTML', () => {
  const html = conventionHtml(DOC, 'fr');

  it('is one well-formed page that loads nothing and runs nothing', () => {
    expectWellFormed(html, 'convention.html');
    expectSelfContained(html);
    expect(html).toContain('@page { size: A4;');
  });

  it('marks each unit with its coverage, as the table counts them, and highlights the quotes', () => {
    const coverage = [...html.matchAll(/data-coverage="([a-z-]+)"/g)].map((m) => m[1]);
    expect(coverage).toHaveLength(PACK.clauses.length);
    const [, full, partly, excused] = coverageOf(
      PACK,
      PACK.clauses.map((c) => c.id),
    );
    expect(coverage.filter((c) => c === 'encoded')).toHaveLength(full!);
    expect(coverage.filter((c) => c === 'partly')).toHaveLength(partly!);
    expect(coverage.filter((c) => c === 'not-encoded')).toHaveLength(excused!);
    expect(html).toContain(
      '<mark data-rules="A4-CAP" title="A4-CAP">dans un plafond de 10 000 euros</mark>',
    );
    for (const rule of PACK.rules)
      expect(html.split(`<article class="rule" id="rule-${rule.id.toLowerCase()}"`)).toHaveLength(
        2,
      );
  });
});

describe('clausier doc: every built-in pack', () => {
  for (const id of builtInPacks()) {
    it(`documents ${id} in both formats and both languages`, () => {
      const pack = loadRulePack(join(builtInPacksDir(), id));
      const doc = annotateConvention(pack, packCases(pack));
      const [units, full, partly, excused] = coverageOf(
        pack,
        pack.clauses.map((c) => c.id),
      );
      for (const language of ['fr', 'en'] as const) {
        const markdown = conventionMarkdown(doc, language);
        expect(markdown).toContain(
          `| **${units}** | **${full}** | **${partly}** | **${excused}** |`,
        );
        for (const rule of pack.rules)
          expect(markdown).toContain(`<a id="rule-${rule.id.toLowerCase()}"></a>`);
        const html = conventionHtml(doc, language);
        expectWellFormed(html, `${id} (${language})`);
        expectSelfContained(html);
      }
    });
  }
});

describe('clausier report: the programme report', () => {
  it('shows the money to the cent, and the cap breach with its clauses quoted and line 177', async () => {
    const html = await reportOf(CAP_CASE);
    expectWellFormed(html, 'report');
    expectSelfContained(html);
    const money = Object.fromEntries(
      [
        ...html.matchAll(
          /data-money="([a-z-]+)"><th scope="row">([^<]*)<\/th><td class="num"><span class="amount">([^<]*)</g,
        ),
      ].map((m) => [m[1], `${m[2]} : ${m[3]}`]),
    );
    expect(money).toEqual({
      cap: 'Plafond de la participation : 10 000,00 €',
      paid: 'Versé par la collectivité : 12 000,00 €',
      eligible: 'Dépenses éligibles de la DINSIC : 8 850,00 €',
      used: 'Crédits utilisés : 8 850,00 €',
      'refund-due': 'Restitution due : 3 150,00 €',
      refunded: 'Restitué par la DINSIC : 3 150,00 €',
      balance: 'Solde : 0,00 €',
    });
    expect(html).toContain(
      '✗ Versé au-delà du plafond en vigueur le jour du versement : 2 000,00 €.',
    );
    expect(html).toContain('Rien n’est dû entre les parties.');
    expect(html).toMatch(
      /data-verdict="breach"[^]*Non conforme <span class="verdict-date">au 30\/06\/2020/,
    );

    const card =
      /<article class="finding st-breach sev-error" id="(finding-\d+)" data-rule="A4-CAP" data-status="breach">([^]*?)<\/article>/.exec(
        html,
      );
    expect(card).not.toBeNull();
    const [, anchor, body] = card!;
    expect(html).toContain(
      `<li><a href="#${anchor}"><code>A4-CAP</code></a> Versements : 12 000,00 € pour un plafond de 10 000,00 €.</li>`,
    );
    expect(body).toContain(
      '<p class="message">Versements : 12 000,00 € pour un plafond de 10 000,00 €.</p>',
    );
    expect(body).toContain(
      '<figcaption>art. 3, engagement 4 de la collectivité</figcaption><blockquote lang="fr">- prendre en charge les frais d&#39;appui méthodologique et opérationnel <mark data-rules="A4-CAP" title="A4-CAP">dans un plafond de 10 000 euros</mark> selon les modalités visées à l&#39;article 4;</blockquote>',
    );
    expect(body).toContain(
      '<mark data-rules="A4-CAP" title="A4-CAP">à raison d&#39;un montant ne pouvant dépasser les 10 000 €</mark>',
    );
    expect(body).toContain('ligne 177</p>');
    expect(body).toContain(
      '<span class="src"><span class="ln">176</span>     to: dinsic</span><span class="src target" data-line="177"><span class="ln">177</span>     amount: 12000.00</span>',
    );
  });

  it('shows what a refund without its account discharges as unknown, not as nothing refunded', async () => {
    const html = await reportOf(
      join(
        ROOT,
        'cases/A4-REFUND-ACCOUNT/a-refund-recorded-without-its-account-leaves-what-it-discharges-undetermined.yaml',
      ),
      'en',
    );
    const money = Object.fromEntries(
      [
        ...html.matchAll(
          /data-money="([a-z-]+)"><th scope="row">[^<]*<\/th><td class="num"><span class="amount">([^<]*)</g,
        ),
      ].map((m) => [m[1], m[2]]),
    );
    expect(money).toMatchObject({
      'refund-due': '€1,150.00',
      refunded: 'unknown',
      balance: 'unknown',
    });
    // The chart draws no bar for it, and says so.
    expect(html).toMatch(
      /<rect class="seg-refunded" x="150" y="52" width="0" height="18" \/>[^]*?>unknown<\/text>/,
    );
  });

  it('says what is unused so far, before the end, as not owed yet', async () => {
    // Phases 4 and 5 are not written yet: the end, and the refund's deadline, are not known.
    const html = await reportOf(IN_PROGRESS_CASE, 'en');
    expect(html).toContain(
      '<p class="note balance-note">Unused and not refunded so far: €6,750.00; what is still unused when the convention ends is to be refunded to the collectivité.</p>',
    );
  });

  it('is in English with --lang en', async () => {
    const html = await reportOf(CAP_CASE, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      'data-money="paid"><th scope="row">Paid by the collectivité</th><td class="num"><span class="amount">€12,000.00</span>',
    );
    expect(html).toContain('Not compliant <span class="verdict-date">as of 2020-06-30</span>');
    expect(html).toContain(
      '<p class="message">Payments: €12,000.00 against a cap of €10,000.00.</p>',
    );
  });

  it('marks the breaching week in the grid, and closed weeks and leave apart', async () => {
    const states = weekStates(await reportOf(HALF_DAY_CASE));
    const weeks = [
      '2019-W42',
      '2019-W43',
      '2019-W44',
      '2019-W45',
      '2019-W46',
      '2019-W47',
      '2019-W48',
      '2019-W49',
      '2019-W50',
      '2019-W51',
      '2019-W52',
      '2020-W01',
      '2020-W02',
      '2020-W03',
      '2020-W04',
    ];
    const expected = (special: Record<string, WeekState>) =>
      weeks.map((week) => ({
        week,
        state: special[week] ?? (week === '2019-W52' || week === '2020-W01' ? 'closed' : 'ok'),
      }));
    expect(Object.fromEntries(states)).toEqual({
      'Camille Martin': expected({}),
      'Sami Benali': expected({ '2019-W45': 'breach' }),
      'Léa Robert': expected({ '2019-W48': 'leave' }),
    });
  });

  it('finds the week of a coaching breach, which points at the whole list of sessions, by its message', async () => {
    const states = weekStates(await reportOf(NO_COACHING_CASE));
    const breaches = [...states].flatMap(([who, cells]) =>
      cells.filter((c) => c.state === 'breach').map((c) => `${who} ${c.week}`),
    );
    expect(breaches).toEqual(['Léa Robert 2019-W46']);
  });

  it('tells weeks not yet over and weeks the record does not fill in', async () => {
    const inProgress = weekStates(await reportOf(IN_PROGRESS_CASE));
    for (const cells of inProgress.values())
      expect(cells.map((c) => c.state)).toEqual(['ok', 'ok', 'ok', 'ok', 'not-over']);
    // A week is over once its Sunday has passed, as A1-COACHING-WEEKLY judges it: on the
    // Saturday its coaching may still come; on the Monday it is over.
    const dir = mkdtempSync(join(tmpdir(), 'clausier-weeks-'));
    for (const [asOf, last] of [
      ['2019-11-16', 'not-over'],
      ['2019-11-17', 'not-over'],
      ['2019-11-18', 'ok'],
    ] as const) {
      const file = join(dir, `${asOf}.yaml`);
      writeFileSync(
        file,
        readFileSync(IN_PROGRESS_CASE, 'utf8').replace('asOf: 2019-11-15', `asOf: ${asOf}`),
      );
      for (const cells of weekStates(await reportOf(file)).values())
        expect(
          cells.slice(0, 5).map((c) => c.state),
          asOf,
        ).toEqual(['ok', 'ok', 'ok', 'ok', last]);
    }
    const unknown = weekStates(await reportOf(NO_RELEASE_CASE)).get('Léa Robert')!;
    expect(new Set(unknown.map((c) => c.state))).toEqual(new Set(['unknown', 'leave', 'closed']));
  });

  it('numbers the events of the timeline by date, with the line of each, and draws far dates off scale', async () => {
    const html = await reportOf(REFERENCE);
    const events = [
      ...html.matchAll(
        /<tr><td class="num">(\d+)<\/td><td class="date">([^<]*)<\/td><td>.*?<\/span> ([^<]*)<\/td><td class="num">(\d+)<\/td><\/tr>/g,
      ),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]} (${m[4]})`);
    const text = readFileSync(REFERENCE, 'utf8').split('\n');
    /** The line of the record where a text is written, for the nth time. */
    const lineOf = (needle: string, nth = 1): number => {
      let seen = 0;
      const index = text.findIndex((l) => l.includes(needle) && ++seen === nth);
      expect(index, needle).toBeGreaterThanOrEqual(0);
      return index + 1;
    };
    expect(events).toEqual([
      `1 30/08/2019 Signature de la convention par la collectivité (Thomas Boquillon) (${lineOf('date: 2019-08-30', 1)})`,
      `2 30/08/2019 Signature de la convention par la DINSIC (Nadi Bou Hanna) (${lineOf('date: 2019-08-30', 2)})`,
      `3 12/09/2019 Versement versement-unique : 10 000,00 € (${lineOf('date: 2019-09-12')})`,
      `4 14/10/2019 Séminaire de lancement de la pré-incubation (${lineOf('date: 2019-10-14')})`,
      `5 05/02/2020 Demande de l’avenant avenant-1 par la collectivité (${lineOf('requested: 2020-02-05')})`,
      `6 12/02/2020 Signature de l’avenant avenant-1 par la collectivité (${lineOf('date: 2020-02-12')})`,
      `7 13/02/2020 Signature de l’avenant avenant-1 par la DINSIC (${lineOf('date: 2020-02-13')})`,
      `8 15/04/2020 Restitution restitution-solde : 1 150,00 € (${lineOf('date: 2020-04-15')})`,
    ]);
    const dir = tempDir();
    const far = join(dir, 'far.yaml');
    writeFileSync(
      far,
      readFileSync(REFERENCE, 'utf8').replace('date: 2019-09-12', 'date: 2091-09-12'),
    );
    const farHtml = await reportOf(far);
    expect(farHtml).toContain('12/09/2091 <span class="badge">hors échelle</span>');
    expect(farHtml).toContain('12/09/2091 ▶</text>');
  });

  it('tells a phase the record does not write from one a termination came before', async () => {
    /** What the timeline writes in place of each phase it has no bar for, by lane. */
    const absentOf = (html: string): string[] =>
      [...html.matchAll(/<text class="absent"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const dir = tempDir();
    const terminated = join(dir, 'terminated.yaml');
    writeFileSync(
      terminated,
      `${readFileSync(REFERENCE, 'utf8')}
termination:
  date: 2019-12-03
  requestedBy: collectivite
  defaultingParty: dinsic
  notice: { date: 2019-10-29, received: 2019-10-31, by: collectivite }
`,
    );
    // Phases 4 and 5 are written, but start after the termination.
    expect(absentOf(await reportOf(terminated))).toEqual([
      'après la résiliation : n’a pas lieu',
      'après la résiliation : n’a pas lieu',
    ]);
    expect(absentOf(await reportOf(terminated, 'en'))).toEqual([
      'after the termination: does not take place',
      'after the termination: does not take place',
    ]);
    expect(absentOf(await reportOf(PHASE_4_MISSING_CASE))).toEqual(['absente du dossier']);
  });

  it('escapes what the record says, wherever it shows it', async () => {
    const dir = tempDir();
    const file = join(dir, 'a&b<c>.yaml');
    writeFileSync(
      file,
      readFileSync(REFERENCE, 'utf8')
        .replace('name: Camille Martin', `name: '<img src=x onerror=alert(1)> & "Camille"'`)
        .replace(
          'title: Guichet numérique des associations',
          "title: '</style><script>alert(1)</script>'",
        )
        .replace('name: Ville des Lilas', "name: '<b>Ville</b>'"),
    );
    const html = await reportOf(file);
    expectWellFormed(html, 'escaped report');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>Ville');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Camille&quot;');
    expect(html).toContain(
      '<code>' + file.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;') + '</code>',
    );
    expect(html).toContain('&lt;b&gt;Ville&lt;/b&gt;');
  });

  it('shows a waived breach as waived, in the verdict, the grid and its card', async () => {
    const dir = tempDir();
    const waivers = join(dir, 'waivers.yaml');
    writeFileSync(
      waivers,
      [
        'waivers:',
        '  - rule: A1-RELEASE-WEEKLY',
        `    record: ${JSON.stringify(HALF_DAY_CASE)}`,
        '    reason: Réunion de service imposée cette semaine-là.',
        '    approvedBy: Contrôleur budgétaire et comptable ministériel',
        '    approved: 2020-03-02',
        '    until: 2020-12-31',
        '',
      ].join('\n'),
    );
    const inspection = await inspectFile(HALF_DAY_CASE, { language: 'fr' });
    applyWaivers([inspection.report], loadWaivers(waivers), 'fr');
    if (!isJudged(inspection)) throw new Error('invalid');
    const html = programmeReportHtml(inspection, { language: 'fr' });
    expect(html).toContain('data-verdict="compliant"');
    expect(
      weekStates(html)
        .get('Sami Benali')!
        .find((c) => c.week === '2019-W45')!.state,
    ).toBe('waived');
    expect(html).toContain(
      '<strong>Dérogation :</strong> accordée par Contrôleur budgétaire et comptable ministériel le 02/03/2020, jusqu’au 31/12/2020. Réunion de service imposée cette semaine-là.',
    );
  });

  it('is made for every record in cases/, in French and English, whole and consistent with its findings', async () => {
    const files = caseFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      for (const language of ['fr', 'en'] as const) {
        const inspection = await inspectFile(file, { language });
        expect(isJudged(inspection), file).toBe(true);
        if (!isJudged(inspection)) continue;
        const html = programmeReportHtml(inspection, { language });
        expectWellFormed(html, `${file} (${language})`);
        expect(html).toContain(`data-verdict="${inspection.report.verdict}"`);
        inspection.report.findings.forEach((finding, i) => {
          expect(html, `${file}: finding ${i + 1}`).toContain(
            `id="finding-${i + 1}" data-rule="${finding.rule}" data-status="${finding.status}"`,
          );
        });
        // Every breach of a rule over the weeks shows in the grid, in the cell of its week (one
        // cell may show two: release and coaching), and nothing else does.
        const weekly = inspection.report.findings.filter(
          (f) =>
            f.status === 'breach' &&
            inspection.pack.rules.find((r) => r.id === f.rule)?.over === 'intrapreneurWeeks',
        );
        const marked = [...html.matchAll(/<td class="wk wk-breach"[^>]* title="([^"]*)"/g)].map(
          (m) => m[1]!,
        );
        expect(marked.length, file).toBe(
          [...weekStates(html).values()].flat().filter((c) => c.state === 'breach').length,
        );
        const shown = (f: (typeof weekly)[number]): number =>
          marked.filter((title) => title.includes(escapeHtml(f.message))).length;
        for (const finding of weekly) expect(shown(finding), `${file}: ${finding.message}`).toBe(1);
        expect(
          marked.every((title) => weekly.some((f) => title.includes(escapeHtml(f.message)))),
          file,
        ).toBe(true);
      }
    }
  });
});

describe('the views from the command line', () => {
  it('clausier doc prints Markdown; --output writes it to a file; --lang and LANG choose the language', () => {
    const printed = runCli(['doc', '--lang', 'fr']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(MARKDOWN);
    // Like check, it follows the environment when --lang is not given.
    expect(runCli(['doc'], { env: { LANG: 'fr_FR.UTF-8' } }).stdout).toBe(MARKDOWN);
    expect(runCli(['doc'], { env: { LANG: 'C' } }).stdout).toBe(conventionMarkdown(DOC, 'en'));
    const dir = tempDir();
    const html = join(dir, 'convention.html');
    const written = runCli(['doc', '-f', 'html', '-o', html, '--lang', 'fr']);
    expect(written.stdout + written.stderr).toBe('');
    expect(readFileSync(html, 'utf8')).toBe(conventionHtml(DOC, 'fr'));
    // The first spellings, --out DIR and md, still work, and say what replaces them.
    const old = runCli(['doc', '--format', 'md', '--out', join(dir, 'sub'), '--lang', 'fr']);
    expect(old.status).toBe(0);
    expect(old.stderr).toBe('clausier : --out est une ancienne orthographe ; utilisez --output\n');
    expect(readFileSync(join(dir, 'sub', 'convention.md'), 'utf8')).toBe(MARKDOWN);
  });

  it('clausier report writes the HTML file, and on an invalid record exits 2 with its errors and writes nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const run = runCli(['report', CAP_CASE, '--output', out, '--lang', 'fr']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      (await reportOf(CAP_CASE)).replace(
        'clausier test',
        `clausier ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`,
      ),
    );

    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(REFERENCE, 'utf8').replace('amount: 10000.00', 'ammount: 10000.00'),
    );
    const refused = runCli(['report', bad, '-o', join(dir, 'bad.html')]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`clausier: ${bad} cannot be reported on until its`);
    expect(refused.stderr).toMatch(
      new RegExp(`${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+  payments\\[0\\]`),
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);

    // Without --output, the report goes to standard output, as check's does.
    const printed = runCli(['report', CAP_CASE, '--lang', 'fr']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(readFileSync(out, 'utf8'));
    const noFolder = runCli(['report', CAP_CASE, '--output', join(dir, 'no', 'such.html')]);
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toBe(
      `clausier report: --output: the folder ${join(dir, 'no')} does not exist\nTry 'clausier report --help'.\n`,
    );
    // --html, the first spelling, still works and says what replaces it.
    const old = runCli(['report', CAP_CASE, '--html', join(dir, 'old.html'), '--lang', 'fr']);
    expect(old.stderr).toBe('clausier : --html est une ancienne orthographe ; utilisez --output\n');
    expect(readFileSync(join(dir, 'old.html'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('gives the same bytes in any time zone and locale', () => {
    const environments: NodeJS.ProcessEnv[] = [
      { TZ: 'UTC', LANG: 'C' },
      { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' },
      { TZ: 'America/Los_Angeles', LC_ALL: 'en_US.UTF-8' },
    ];
    for (const args of [
      ['report', HALF_DAY_CASE, '--lang', 'fr'],
      ['report', HALF_DAY_CASE, '--lang', 'en'],
      ['doc', '--format', 'html', '--lang', 'fr'],
    ]) {
      const outputs = environments.map((env) => runCli(args, { env }));
      for (const output of outputs) {
        expect(output.status).toBe(0);
        expect(output.stdout).toBe(outputs[0]!.stdout);
      }
    }
  });
});

// --- Reading and printing: contrast, landmarks, page breaks --------------------------------------

/** The relative luminance of a colour written #rgb or #rrggbb (WCAG 2). */
function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/\w/g, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * Every text colour of a page's CSS and every background text is written on, read from its CSS:
 * `color`, and the `fill` of SVG text (a rule that also sets a font); backgrounds as solid
 * colours and stripes. Not backgrounds that hold no text: legend swatches (`.sw-…`), the dots of
 * the leave pattern, dark fills.
 */
function coloursOf(html: string): { texts: Map<string, string[]>; backgrounds: Set<string> } {
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const variables = new Map(
    [...css.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\b/g)].map((m) => [m[1]!, m[2]!]),
  );
  const colour = (value: string): string | undefined => {
    const variable = /^var\((--[\w-]+)\)$/.exec(value.trim());
    const resolved = variable ? variables.get(variable[1]!) : value.trim();
    return resolved !== undefined && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(resolved)
      ? resolved.toLowerCase()
      : undefined;
  };
  const texts = new Map<string, string[]>();
  const backgrounds = new Set(['#fff']);
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = new Map(
      body!
        .split(';')
        .map((d) => d.split(':'))
        .filter((d) => d.length >= 2)
        .map(([name, ...value]) => [name!.trim(), value.join(':').trim()]),
    );
    const text = [declarations.get('color')];
    if (declarations.has('font-size') || declarations.has('font-weight'))
      text.push(declarations.get('fill'));
    for (const value of text) {
      const c = value === undefined ? undefined : colour(value);
      if (c !== undefined) texts.set(c, [...(texts.get(c) ?? []), selector!.trim()]);
    }
    if (/(^|,)\s*\.sw[-\s{,]/.test(selector!)) continue;
    for (const name of ['background', 'background-color']) {
      const value = declarations.get(name);
      if (value === undefined || value.includes('radial-gradient')) continue;
      for (const [written] of value.matchAll(/var\(--[\w-]+\)|#[0-9a-fA-F]{3,6}\b/g)) {
        const c = colour(written);
        if (c !== undefined && luminance(c) > 0.5) backgrounds.add(c);
      }
    }
  }
  return { texts, backgrounds };
}

describe('reading and printing', () => {
  it('every text colour stands at 4.5:1 or more on every background text is written on', async () => {
    for (const html of [
      conventionHtml(DOC, 'fr'),
      await reportOf(CAP_CASE),
      await reportOf(HALF_DAY_CASE),
    ]) {
      const { texts, backgrounds } = coloursOf(html);
      expect(texts.size).toBeGreaterThan(5);
      expect(backgrounds.size).toBeGreaterThan(5);
      for (const [text, selectors] of texts)
        for (const background of backgrounds)
          expect(
            contrast(text, background),
            `${text} on ${background} (${selectors.join(' | ')})`,
          ).toBeGreaterThanOrEqual(4.5);
    }
    // The measure is the one WCAG gives: the refund orange it replaced stood at 4.18:1 on white.
    expect(contrast('#b36b00', '#fff')).toBeCloseTo(4.18, 2);
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
  });

  it('the report has one main landmark, between its header and its footer', async () => {
    const html = await reportOf(CAP_CASE);
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html.match(/<\/main>/g)).toHaveLength(1);
    expect(html.indexOf('</header>\n<main>')).toBeGreaterThan(0);
    expect(html.indexOf('</main>\n<footer>')).toBeGreaterThan(html.indexOf('<main>'));
    expect(conventionHtml(DOC, 'fr').match(/<main>/g)).toHaveLength(1);
  });
});
