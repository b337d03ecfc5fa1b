/**
 * The programme report, for a finance controller: the verdict first, then the money to the
 * cent, the timeline, the weeks of pré-incubation, and every finding with the clause it applies
 * and the lines of the record it points to. One static HTML file that prints on A4.
 */
import type { Inspection } from '../pipeline.js';
import type { FileReport, Finding, FindingStatus } from '../model/finding.js';
import type { Facts } from '../facts/derive.js';
import type { LoadedRecord } from '../load/index.js';
import type { ProgrammeRecord } from '../model/programme.js';
import { humanPath } from '../base/pointer.js';
import { ruleTally } from '../model/summary.js';
import type { RulePack } from '../rules/pack/types.js';
import { formatDate, quotedIn, type Language } from '../base/language.js';
import type { TraceNode } from '../model/trace.js';
import { lineRanges, whyLines } from '../rules/why.js';
import { attr, escapeHtml, markedHtml, page, quoteSpans } from './html.js';
import { moneyHtml } from './report-money.js';
import { REPORT_WORDS, type ReportWords } from '../words/programme-report.js';
import { timelineOf } from './timeline/events.js';
import { timelineHtml, TIMELINE_CSS } from './timeline/drawing.js';
import { weekGrid, weekGridHtml, WEEKS_CSS } from './weeks.js';
import { OBLIGOR_WORDS, SEVERITY_WORDS, STATUS_SYMBOLS, STATUS_WORDS } from '../words/findings.js';

export interface ProgrammeReportOptions {
  language: Language;
  /** What made the report, for its footer (`clausier 0.1.0`); no date is ever written. */
  tool?: string;
}

/** An inspection of a record that could be judged: no input errors. */
export interface JudgedInspection extends Inspection {
  loaded: LoadedRecord & { record: ProgrammeRecord };
  facts: Facts;
  pack: RulePack;
}

export function isJudged(inspection: Inspection): inspection is JudgedInspection {
  return (
    inspection.report.verdict !== 'invalid' &&
    inspection.loaded.record !== undefined &&
    inspection.facts !== undefined &&
    inspection.pack !== undefined
  );
}

const findingAnchor = (index: number): string => `finding-${index + 1}`;

/** The statuses a finding is shown in detail for, gravest first. */
const OPEN: readonly FindingStatus[] = ['breach', 'waived', 'undetermined', 'pending'];

export function programmeReportHtml(
  inspection: JudgedInspection,
  options: ProgrammeReportOptions,
): string {
  const { language } = options;
  const w = REPORT_WORDS[language];
  const { report, loaded, facts, pack } = inspection;
  const record = loaded.record;
  const asOf = formatDate(report.asOf ?? String(facts.globals.asOf), language);
  const collectivite = record.parties.collectivite.name ?? OBLIGOR_WORDS[language].collectivite;

  const header = [
    '<header class="report-header">',
    `<p class="kicker">${escapeHtml(w.title)}</p>`,
    `<h1>${escapeHtml(collectivite)} <span class="muted">· ${escapeHtml(record.convention.id)}</span></h1>`,
    '<dl class="meta">',
    `<div><dt>${escapeHtml(w.file)}</dt><dd><code>${escapeHtml(report.file)}</code></dd></div>`,
    `<div><dt>${escapeHtml(w.convention)}</dt><dd>${escapeHtml(pack.convention[language])}</dd></div>`,
    `<div><dt>${escapeHtml(w.pack)}</dt><dd><code>${escapeHtml(pack.id)}</code></dd></div>`,
    `<div><dt>${escapeHtml(w.asOf)}</dt><dd>${escapeHtml(asOf)}</dd></div>`,
    '</dl>',
    '</header>',
  ].join('\n');

  const grid = weekGrid(report.findings, facts);
  const money = moneyHtml(report.money!, record, loaded, report.asOf, language);
  const body = [
    header,
    // The report itself, for a screen reader's "main" landmark: all but its header and footer.
    '<main>',
    verdictHtml(report, asOf, w),
    section('money', w.money, `<p class="intro">${escapeHtml(w.moneyIntro)}</p>${money.summary}`),
    section(
      'timeline',
      w.timeline,
      `<p class="intro">${escapeHtml(w.timelineIntro)}</p>${timelineHtml(timelineOf(loaded, facts, language), language)}`,
    ),
    section(
      'weeks',
      w.weeks,
      `<p class="intro">${escapeHtml(w.weeksIntro)}</p>${weekGridHtml(
        grid,
        language,
        findingAnchor,
        (i) => `${report.findings[i]!.rule}${w.colon} ${report.findings[i]!.message}`,
      )}`,
    ),
    section('findings', w.findings, findingsHtml(inspection, language)),
    section('movements', w.movements, money.details),
    '</main>',
    `<footer>${escapeHtml(w.generatedBy(options.tool ?? 'clausier', pack.id))}</footer>`,
  ].join('\n');

  return page({
    language,
    title: `${w.title} — ${collectivite} — ${record.convention.id}`,
    css: CSS + TIMELINE_CSS + WEEKS_CSS,
    body,
  });
}

function section(id: string, title: string, content: string): string {
  return `<section class="block" id="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${escapeHtml(title)}</h2>\n${content}\n</section>`;
}

function verdictHtml(report: FileReport, asOf: string, w: ReportWords): string {
  const findings = report.findings;
  const waivers = report.waivers ?? [];
  const breach = report.verdict === 'breach';
  const indexed = findings.map((f, i) => ({ f, i }));
  // The verdict is on the convention's obligations; the checks of the record are told apart.
  const breaches = indexed.filter(({ f }) => f.status === 'breach' && f.kind === 'obligation');
  const recordWarnings = indexed.filter(({ f }) => f.status === 'breach' && f.kind === 'record');
  const errors = breaches.filter(({ f }) => f.severity === 'error').length;
  const { rules, counts } = ruleTally(findings.filter((f) => f.kind === 'obligation'));
  const tally = counts.map(([s, n]) => `${n} ${w.tally[s]}`).join(', ');
  const rulesUnder = (status: FindingStatus): number =>
    counts.find(([s]) => s === status)?.[1] ?? 0;
  const undetermined = rulesUnder('undetermined');
  const pending = rulesUnder('pending');
  const open = w.alsoOpen(undetermined, pending);
  const lines = [
    `<section class="verdict ${breach ? 'verdict-breach' : 'verdict-compliant'}" id="verdict"${attr('data-verdict', breach ? 'breach' : 'compliant')} aria-labelledby="verdict-title">`,
    `<p class="verdict-symbol" aria-hidden="true">${breach ? '✗' : '✓'}</p>`,
    '<div>',
    `<h2 id="verdict-title">${escapeHtml(breach ? w.notCompliant : w.compliant)} <span class="verdict-date">${escapeHtml(w.verdictAsOf(asOf))}</span></h2>`,
  ];
  if (breach)
    lines.push(
      `<p class="verdict-count">${escapeHtml(w.breaches(breaches.length))} (${escapeHtml(w.bySeverity(errors, breaches.length - errors))})</p>`,
    );
  lines.push(
    `<p>${escapeHtml(`${w.rules(rules)}${w.colon} ${tally}`)}${open ? `<br />${escapeHtml(open)}` : ''}</p>`,
  );
  if (breaches.length > 0) {
    lines.push(
      '<ul class="verdict-list">',
      ...breaches.map(
        ({ f, i }) =>
          `<li><a href="#${findingAnchor(i)}"><code>${escapeHtml(f.rule)}</code></a> ${escapeHtml(f.message)}</li>`,
      ),
      '</ul>',
    );
  }
  if (recordWarnings.length > 0) {
    lines.push(
      `<p class="record-warnings"><strong>${escapeHtml(w.recordWarnings(recordWarnings.length))}${w.colon}</strong></p>`,
      '<ul class="verdict-list record-warning-list">',
      ...recordWarnings.map(
        ({ f, i }) =>
          `<li><a href="#${findingAnchor(i)}"><code>${escapeHtml(f.rule)}</code></a> ${escapeHtml(f.message)}</li>`,
      ),
      '</ul>',
    );
  }
  const notices = report.notices ?? [];
  if (notices.length > 0) {
    lines.push(
      `<p class="notices"><strong>${escapeHtml(w.notYet(notices.length))}${w.colon}</strong></p>`,
      '<ul class="notice-list">',
      ...notices.map(
        (n) =>
          `<li${attr('data-pointer', n.pointer)}>${escapeHtml(n.message)} <span class="small muted">(${escapeHtml(`${w.line} ${n.line}`)})</span></li>`,
      ),
      '</ul>',
    );
  }
  if (waivers.length > 0) {
    lines.push(
      `<p class="waivers"><strong>${escapeHtml(w.waivers)}${w.colon}</strong></p>`,
      '<ul class="waiver-list">',
      ...waivers.map(
        (o) =>
          `<li class="waiver-${o.status}"${attr('data-waiver', o.status)}>${escapeHtml(o.message)} <span class="small muted">(${escapeHtml(w.waiverFile(o.file, o.line))})</span></li>`,
      ),
      '</ul>',
    );
  }
  lines.push('</div>', '</section>');
  return lines.join('\n');
}

/** The lines of the record around a line, the line itself marked. */
function frameHtml(loaded: LoadedRecord, line: number): string {
  const count = loaded.lines.lineCount;
  const first = Math.max(1, line - 1);
  const last = Math.min(count, line + 1);
  const width = String(last).length;
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = loaded.lines.lineText(n);
    rows.push(
      `<span class="src${n === line ? ' target' : ''}"${n === line ? attr('data-line', n) : ''}><span class="ln">${String(n).padStart(width)}</span> ${escapeHtml(text)}</span>`,
    );
  }
  return `<pre class="frame">${rows.join('')}</pre>`;
}

function findingsHtml(inspection: JudgedInspection, language: Language): string {
  const w = REPORT_WORDS[language];
  const { report, pack, loaded } = inspection;
  const rules = new Map(pack.rules.map((r) => [r.id, r]));
  const indexed = report.findings.map((f, i) => ({ f, i }));
  const open = OPEN.flatMap((status) => indexed.filter(({ f }) => f.status === status));
  const others = indexed.filter(({ f }) => !OPEN.includes(f.status));

  const clauseBlock = (f: Finding): string =>
    f.clauses
      .map((id) => {
        const unit = pack.clause(id);
        if (!unit) return '';
        const quotes = (rules.get(f.rule)?.quotes ?? [])
          .filter((q) => q.clause === id)
          .map((q) => ({ text: q.text, label: f.rule }));
        return `<figure class="clause"><figcaption>${escapeHtml(unit.cite)}</figcaption><blockquote lang="fr">${markedHtml(unit.text, quoteSpans(unit.text, quotes))}</blockquote></figure>`;
      })
      .join('\n');

  const cards = open.map(({ f, i }) => {
    const lines = [...new Set(f.locations.map((l) => l.line))];
    const missing = f.missing ?? [];
    return [
      `<article class="finding st-${f.status} sev-${f.severity}" id="${findingAnchor(i)}"${attr('data-rule', f.rule)}${attr('data-status', f.status)}>`,
      `<header><span class="st-symbol" aria-hidden="true">${STATUS_SYMBOLS[f.status]}</span> <span class="badge st-badge">${escapeHtml(f.status === 'breach' || f.status === 'waived' ? SEVERITY_WORDS[language][f.severity] : STATUS_WORDS[language][f.status])}</span> <code>${escapeHtml(f.rule)}</code> <strong>${escapeHtml(f.title)}</strong></header>`,
      `<p class="message">${escapeHtml(f.message)}</p>`,
      `<p class="small muted">${escapeHtml(w.obligor)}${w.colon} ${escapeHtml(OBLIGOR_WORDS[language][f.obligor])} · ${escapeHtml(f.cite)}</p>`,
      clauseBlock(f),
      f.waiver
        ? `<p class="waiver"><strong>${escapeHtml(w.waiver)}${w.colon}</strong> ${escapeHtml(w.waivedBy(f.waiver.approvedBy, formatDate(f.waiver.approved, language), formatDate(f.waiver.until, language)))}. ${escapeHtml(f.waiver.reason)} <span class="small muted">(${escapeHtml(w.waiverFile(f.waiver.file, f.waiver.line))})</span></p>`
        : '',
      missing.length > 0
        ? `<p><strong>${escapeHtml(w.missingFields)}${w.colon}</strong> ${missing.map((p) => `<code>${escapeHtml(humanPath(p))}</code>`).join(', ')}</p>`
        : '',
      f.trace ? whyHtml(f.trace, language) : '',
      lines.length > 0
        ? `<div class="where"><p class="small"><strong>${escapeHtml(w.recordLines)}${w.colon}</strong> <code>${escapeHtml(report.file)}</code>, ${escapeHtml(w.line.toLowerCase())} ${lines.join(', ')}</p>${lines.map((n) => frameHtml(loaded, n)).join('\n')}</div>`
        : '',
      '</article>',
    ]
      .filter(Boolean)
      .join('\n');
  });

  const table = [
    '<table class="others">',
    `<caption>${escapeHtml(w.otherFindings)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(w.rule)}</th><th scope="col">${escapeHtml(w.status)}</th><th scope="col">${escapeHtml(w.message)}</th><th scope="col">${escapeHtml(w.clauses)}</th><th scope="col" class="num">${escapeHtml(w.line)}</th></tr></thead>`,
    '<tbody>',
    ...others.map(({ f, i }) => {
      const quotes = (rules.get(f.rule)?.quotes ?? []).map((q) => q.text);
      const quoteText = quotes.map((q) => quotedIn(q, language)).join(' … ');
      return `<tr class="st-${f.status}" id="${findingAnchor(i)}"${attr('data-rule', f.rule)}${attr('data-status', f.status)}><th scope="row"><code>${escapeHtml(f.rule)}</code><span class="small muted rule-title">${escapeHtml(f.title)}</span></th><td class="status"><span aria-hidden="true">${STATUS_SYMBOLS[f.status]}</span> ${escapeHtml(STATUS_WORDS[language][f.status])}</td><td>${escapeHtml(f.message)}</td><td class="small">${escapeHtml(f.cite)}<q class="quote-inline" lang="fr">${escapeHtml(quoteText)}</q></td><td class="num">${[...new Set(f.locations.map((l) => l.line))].join(', ')}</td></tr>`;
    }),
    '</tbody>',
    '</table>',
  ].join('\n');

  return [
    `<p class="intro">${escapeHtml(w.findingsIntro)}</p>`,
    `<h3>${escapeHtml(w.openFindings)}</h3>`,
    cards.length > 0 ? cards.join('\n') : `<p class="muted">${escapeHtml(w.noOpenFindings)}</p>`,
    others.length > 0 ? table : '',
    citedLinesHtml(
      open.flatMap(({ f }) => (f.trace ? whyLines(f.trace, language).flatMap((l) => l.lines) : [])),
      loaded,
      w,
    ),
  ].join('\n');
}

/** A finding's trace, folded: one item per step, each record line a link to it below. */
function whyHtml(trace: TraceNode, language: Language): string {
  const w = REPORT_WORDS[language];
  const lines = whyLines(trace, language);
  const out: string[] = [];
  let depth = -1;
  for (const line of lines) {
    // Nested lists, one level per step of depth.
    while (depth < line.depth) {
      out.push('<ul>');
      depth++;
    }
    while (depth > line.depth) {
      out.push('</li></ul>');
      depth--;
    }
    if (out[out.length - 1] !== '<ul>') out.push('</li>');
    const links = lineRanges(line.lines)
      .split(', ')
      .filter(Boolean)
      .map((range) => `<a href="#line-${range.split('–')[0]}">${escapeHtml(range)}</a>`);
    const where =
      line.linesText !== undefined
        ? [`${escapeHtml(line.linesText.replace(/ .*$/, ''))} ${links.join(', ')}`]
        : [];
    const notes = [...where, ...line.notes.map(escapeHtml)];
    out.push(
      `<li${line.body.startsWith('= ') ? ' class="formula"' : ''}>${escapeHtml(line.body)}${notes.length > 0 ? ` <span class="small muted">(${notes.join(' ; ')})</span>` : ''}`,
    );
  }
  while (depth >= 0) {
    out.push('</li></ul>');
    depth--;
  }
  return `<details class="why"><summary>${escapeHtml(w.why)}</summary>${out.join('')}</details>`;
}

/** The record's lines the traces cite, each with its anchor, as written in the file. */
function citedLinesHtml(lines: readonly number[], loaded: LoadedRecord, w: ReportWords): string {
  const cited = [...new Set(lines)].sort((a, b) => a - b);
  if (cited.length === 0) return '';
  const width = String(cited[cited.length - 1]).length;
  const rows = cited.map(
    (n) =>
      `<span class="src" id="line-${n}"><span class="ln">${String(n).padStart(width)}</span> ${escapeHtml(loaded.lines.lineText(n))}</span>`,
  );
  return [
    `<h3 id="cited-lines">${escapeHtml(w.citedLines)}</h3>`,
    `<p class="intro">${escapeHtml(w.citedLinesIntro)}</p>`,
    `<pre class="frame cited">${rows.join('')}</pre>`,
  ].join('\n');
}

const CSS = `
.report-header .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.report-header h1 { margin: 0.1em 0 0.4em; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0 0 1em; font-size: 0.9em; }
.meta dt { color: var(--muted); font-size: 0.85em; }
.meta dd { margin: 0; }
.intro { color: var(--muted); max-width: 75ch; }
.verdict { display: flex; gap: 18px; align-items: flex-start; border: 2px solid; border-radius: 6px; padding: 12px 18px; margin: 0.5em 0 1.5em; break-inside: avoid; }
.verdict h2 { border: none; margin: 0 0 0.2em; font-size: 1.6rem; padding: 0; }
.verdict-date { font-weight: 400; font-size: 1.1rem; }
.verdict-symbol { font-size: 2.6rem; line-height: 1; margin: 0; font-weight: 700; }
.verdict-breach { border-color: var(--breach); background: var(--breach-bg); }
.verdict-breach .verdict-symbol, .verdict-breach h2 { color: var(--breach); }
.verdict-compliant { border-color: var(--ok); background: var(--ok-bg); }
.verdict-compliant .verdict-symbol, .verdict-compliant h2 { color: var(--ok); }
.verdict-count { font-weight: 600; }
.verdict-list { margin: 0.4em 0 0; padding-left: 1.2em; }
.block { margin-top: 1.5em; }
.money-top { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; align-items: start; }
.money th { font-weight: 400; }
.money td { font-weight: 600; width: 9em; }
.money .money-balance th, .money .money-balance td { border-top: 2px solid var(--ink); }
.money tr.over td { color: var(--breach); }
.money tr.over td::before { content: "✗ "; }
.money-chart { width: 100%; height: auto; display: block; }
.money-chart .chart-label, .money-chart .chart-value, .money-chart .chart-cap { font-size: 13px; fill: var(--ink); }
.money-chart .seg-used, .sw-used { fill: #2f7d4a; background: #2f7d4a; }
.money-chart .seg-due { fill: #e9b949; stroke: #7a4a00; stroke-width: 1; stroke-dasharray: 3 2; }
.sw-due { background: repeating-linear-gradient(135deg, #e9b949 0 3px, #fff5d6 3px 6px); border: 1px dashed #7a4a00; }
.money-chart .seg-paid { fill: #5f8fd0; }
.money-chart .seg-refunded, .sw-refunded { fill: #8f5400; background: #8f5400; }
.money-chart .cap-line { stroke: var(--breach); stroke-width: 2; stroke-dasharray: 6 3; }
.sw { display: inline-block; width: 14px; height: 10px; margin-left: 8px; vertical-align: 0; }
.note { font-weight: 600; }
.note-breach { color: var(--breach); }
.details { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 20px; }
.details .detail:nth-child(2) { grid-column: 1 / -1; grid-row: 2; }
.detail { font-size: 0.88em; }
.detail tfoot th, .detail tfoot td { border-top: 2px solid var(--ink); }
.finding { border: 1px solid var(--rule); border-left: 6px solid var(--muted); border-radius: 4px; padding: 8px 14px; margin: 0 0 14px; break-inside: avoid; }
.finding header { font-size: 1rem; }
.finding.st-breach { border-left-color: var(--breach); }
.finding.st-breach.sev-warning { border-left-color: var(--warn); border-left-style: double; border-left-width: 7px; }
.finding.st-waived { border-left-color: var(--warn); border-left-style: double; border-left-width: 7px; }
.st-waived .st-symbol, .st-waived .st-badge { color: var(--warn); }
.waiver { background: var(--warn-bg); padding: 4px 8px; }
.waiver-list { margin: 0.2em 0 0; padding-left: 1.2em; }
.finding.st-undetermined, .finding.st-pending { border-left-color: var(--warn); border-left-style: dashed; }
.st-symbol { font-weight: 700; font-size: 1.2em; }
.st-breach .st-symbol, .st-breach .st-badge { color: var(--breach); }
.st-undetermined .st-symbol, .st-pending .st-symbol, .st-undetermined .st-badge, .st-pending .st-badge { color: var(--warn); }
.finding .message { font-size: 1.05rem; font-weight: 600; }
.clause { margin: 0.5em 0; }
.clause figcaption { font-size: 0.85em; color: var(--muted); }
.clause blockquote { margin: 0.2em 0; padding: 6px 12px; border-left: 4px solid var(--blue); background: #f7f8fb; white-space: pre-line; font-family: Georgia, Cambria, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; }
.frame { margin: 0.3em 0; padding: 6px 0; background: #f6f6f6; border: 1px solid var(--rule); font-size: 12.5px; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; }
.frame .src { display: block; padding: 0 10px; }
.frame .ln { color: var(--muted); user-select: none; }
.frame .target { background: #ffe3a3; font-weight: 600; box-shadow: inset 4px 0 0 var(--breach); }
.frame .target .ln::before { content: "▶"; color: var(--breach); margin-right: 2px; }
.why { margin: 0.4em 0; }
.why summary { cursor: pointer; font-weight: 600; }
.why ul { margin: 0.15em 0 0.15em 1.1em; padding: 0; }
.why li { margin: 0.1em 0; }
.why li.formula { list-style: none; color: var(--muted); font-style: italic; }
.frame .src:target { background: #ffe3a3; box-shadow: inset 4px 0 0 var(--breach); }
.others { font-size: 0.88em; }
.others .rule-title { display: block; }
.others td.status { white-space: nowrap; }
.others tr.st-satisfied td.status { color: var(--ok); }
.quote-inline { display: block; color: var(--muted); font-style: italic; quotes: none; margin-top: 2px; }
@media (max-width: 800px) { .money-top { grid-template-columns: minmax(0, 1fr); } }
@media print {
  .money-top { grid-template-columns: minmax(0, 1fr); gap: 4px; }
  .money { width: 70%; }
  .block { margin-top: 1em; }
  #findings { break-before: page; }
  .verdict h2 { font-size: 1.35rem; }
}
`;
