/**
 * The annotated convention in HTML: one static page, the signed text on the left with the words
 * rules quote highlighted, the encoding beside it (below it on paper and narrow screens).
 */
import type { LoadedRule } from '../rules/pack/types.js';
import { quotedIn, type Language } from '../base/language.js';
import {
  COVERAGES,
  clauseAnchor,
  countCoverage,
  partTitle,
  ruleAnchor,
  type AnnotatedClause,
  type AnnotatedConvention,
  type ConditionLine,
  type Coverage,
} from './convention.js';
import { ruleView, type RuleView } from './convention-rule.js';
import { DOC_WORDS, type DocWords } from './doc-words.js';
import { attr, escapeHtml, markedHtml, page, proseHtml, quoteSpans } from './html.js';
import { OBLIGOR_WORDS, SEVERITY_WORDS, STATUS_SYMBOLS } from '../words/findings.js';

const COVERAGE_SYMBOLS: Record<Coverage, string> = {
  encoded: '✓',
  partly: '◐',
  'not-encoded': '–',
  uncovered: '!',
};

const partAnchor = (id: string): string => `part-${id}`;

export function conventionHtml(doc: AnnotatedConvention, language: Language): string {
  const w = DOC_WORDS[language];
  const { pack } = doc;
  const other = w.other;
  const all = doc.parts.flatMap((p) => p.clauses);
  const shown = COVERAGES.filter((c) => c !== 'uncovered' || countCoverage(all).uncovered > 0);

  const coverageRow = (label: string, clauses: AnnotatedClause[], total = false): string => {
    const counts = countCoverage(clauses);
    const cell = (text: string | number): string =>
      `<td class="num">${total ? `<strong>${text}</strong>` : text}</td>`;
    return `<tr><th scope="row">${label}</th>${cell(clauses.length)}${shown.map((c) => cell(counts[c])).join('')}</tr>`;
  };
  const coverage = [
    `<table class="coverage">`,
    `<caption>${escapeHtml(w.coverage)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(w.part)}</th><th scope="col" class="num">${escapeHtml(w.units)}</th>${shown
      .map(
        (c) =>
          `<th scope="col" class="num"><span class="cov cov-${c}" aria-hidden="true">${COVERAGE_SYMBOLS[c]}</span> ${escapeHtml(w.coverageColumns[c])}</th>`,
      )
      .join('')}</tr></thead>`,
    '<tbody>',
    ...doc.parts.map((part) =>
      coverageRow(
        `<a href="#${partAnchor(part.id)}">${escapeHtml(partTitle(part, language))}</a>`,
        part.clauses,
      ),
    ),
    '</tbody>',
    `<tfoot>${coverageRow(`<strong>${escapeHtml(w.total)}</strong>`, all, true)}</tfoot>`,
    '</table>',
  ].join('\n');

  const index = [
    `<table class="index">`,
    `<thead><tr>${[w.rule, w.title, w.clauses, w.severity, w.obligor].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...pack.rules.map(
      (rule) =>
        `<tr><th scope="row"><a href="#${ruleAnchor(rule.id)}"><code>${escapeHtml(rule.id)}</code></a></th>` +
        `<td>${escapeHtml(rule.title[language])}</td>` +
        `<td>${rule.clauses
          .map(
            (id) =>
              `<a href="#${escapeHtml(clauseAnchor(id))}">${escapeHtml(pack.clause(id)?.cite ?? id)}</a>`,
          )
          .join(' ; ')}</td>` +
        `<td><span class="sev sev-${rule.severity}">${escapeHtml(SEVERITY_WORDS[language][rule.severity])}</span></td>` +
        `<td>${escapeHtml(OBLIGOR_WORDS[language][rule.obligor])}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
  ].join('\n');

  const parts = doc.parts.map((part) => {
    const clauses = part.clauses.map((clause) =>
      clauseHtml(doc, clause, clause === part.heading, w, language),
    );
    return [
      `<section class="part" id="${escapeHtml(partAnchor(part.id))}">`,
      `<h2>${escapeHtml(partTitle(part, language))}</h2>`,
      ...clauses,
      '</section>',
    ].join('\n');
  });

  const body = [
    '<header class="doc-header">',
    `<h1>${escapeHtml(pack.convention[language])}</h1>`,
    `<p class="subtitle" lang="${other}">${escapeHtml(pack.convention[other])}</p>`,
    `<p>${proseHtml(pack.title[language])}. ${escapeHtml(w.figures(pack.clauses.length, pack.rules.length, doc.caseCount))}</p>`,
    `<p class="muted">${escapeHtml(w.howToRead)} ${escapeHtml(w.legend)}</p>`,
    '</header>',
    `<nav class="overview">`,
    coverage,
    '</nav>',
    `<main>`,
    `<h2 class="text-title">${escapeHtml(w.text)}</h2>`,
    ...parts,
    `<section class="part" id="rule-index"><h2>${escapeHtml(w.ruleIndex)}</h2>`,
    index,
    '</section>',
    '</main>',
    `<footer>${proseHtml(w.generated(pack.id))}</footer>`,
  ].join('\n');

  return page({
    language,
    title: `${pack.convention[language]} — ${w.text}`,
    css: CSS,
    body,
  });
}

function clauseHtml(
  doc: AnnotatedConvention,
  clause: AnnotatedClause,
  isHeading: boolean,
  w: DocWords,
  language: Language,
): string {
  const { unit } = clause;
  const quotes = clause.rules.flatMap((rule) =>
    rule.quotes.filter((q) => q.clause === unit.id).map((q) => ({ text: q.text, label: rule.id })),
  );
  const badge = `<span class="badge cov-${clause.coverage}"><span aria-hidden="true">${COVERAGE_SYMBOLS[clause.coverage]}</span> ${escapeHtml(w.coverageWords[clause.coverage])}</span>`;
  const text = isHeading
    ? ''
    : `<blockquote class="clause-text" lang="fr">${markedHtml(unit.text, quoteSpans(unit.text, quotes))}</blockquote>`;
  const head = isHeading
    ? `<p class="clause-head"><code>${escapeHtml(unit.id)}</code> ${badge}</p>`
    : `<h3 class="clause-head">${escapeHtml(unit.cite)} <code>${escapeHtml(unit.id)}</code> ${badge}</h3>`;
  const notes: string[] = [];
  const reason = unit.notEncoded ?? unit.partlyEncoded;
  if (reason) {
    notes.push(
      `<div class="reason reason-${clause.coverage}">`,
      `<p lang="${language}">${proseHtml(reason[language])}</p>`,
      `<p lang="${w.other}" class="en">${proseHtml(reason[w.other])}</p>`,
      '</div>',
    );
  } else if (clause.coverage === 'uncovered') {
    notes.push(`<div class="reason reason-uncovered"><p>${escapeHtml(w.uncoveredNote)}</p></div>`);
  }
  for (const rule of clause.rules) notes.push(ruleHtml(doc, rule, clause, w, language));
  return [
    `<section class="clause cov-${clause.coverage}${isHeading ? ' heading-unit' : ''}" id="${escapeHtml(clauseAnchor(unit.id))}"${attr('data-clause', unit.id)}${attr('data-coverage', clause.coverage)}>`,
    `<div class="clause-left">${head}${text}</div>`,
    `<div class="clause-notes">${notes.join('\n')}</div>`,
    '</section>',
  ].join('\n');
}

/** A rule under one of its units: in full under its home unit, with a link to it elsewhere. */
function ruleHtml(
  doc: AnnotatedConvention,
  rule: LoadedRule,
  clause: AnnotatedClause,
  w: DocWords,
  language: Language,
): string {
  const view = ruleView(doc, rule, clause, language);
  const out = ruleHeadHtml(rule, view, w, language);
  if (!view.home) {
    out.push(
      `<p class="see">${escapeHtml(w.seeHome)}${w.colon} ${escapeHtml(w.seeUnder)} <a href="#${ruleAnchor(rule.id)}">${escapeHtml(view.homeCite)}</a>.</p>`,
      '</article>',
    );
    return out.join('\n');
  }
  if (rule.interpretation) {
    out.push(
      `<h5>${escapeHtml(w.interpretationLabel)}</h5>`,
      `<p lang="${language}">${proseHtml(rule.interpretation[language])}</p>`,
      `<p lang="${w.other}" class="en">${proseHtml(rule.interpretation[w.other])}</p>`,
    );
  }
  out.push(...parametersHtml(view, w, language), ...conditionsHtml(view, w), ...casesHtml(view, w));
  out.push('</article>');
  return out.join('\n');
}

/** The rule's title, severity, obligor, due date, summary, and the words of the unit it quotes. */
function ruleHeadHtml(rule: LoadedRule, view: RuleView, w: DocWords, language: Language): string[] {
  const other = w.other;
  const out: string[] = [
    `<article class="rule${view.home ? '' : ' rule-ref'}"${view.home ? attr('id', ruleAnchor(rule.id)) : ''}${attr('data-rule', rule.id)}>`,
    `<h4><code>${escapeHtml(rule.id)}</code> ${escapeHtml(rule.title[language])} <span class="en" lang="${other}">· ${escapeHtml(rule.title[other])}</span></h4>`,
    `<p class="facts"><span class="sev sev-${rule.severity}">${escapeHtml(SEVERITY_WORDS[language][rule.severity])}</span> ` +
      `<span><b>${escapeHtml(w.obligor)}${w.colon}</b> ${escapeHtml(OBLIGOR_WORDS[language][rule.obligor])}</span> ` +
      `<span><b>${escapeHtml(w.due)}${w.colon}</b> ${proseHtml(rule.due.description[language])}</span></p>`,
    ...(rule.kind === 'record' ? [`<p class="record-check">${escapeHtml(w.recordCheck)}</p>`] : []),
    `<p lang="${language}"><b>${escapeHtml(w.summaryLabel)}${w.colon}</b> ${proseHtml(rule.summary[language])}</p>`,
    `<p lang="${other}" class="en"><b>${escapeHtml(DOC_WORDS[other].summaryLabel)}${DOC_WORDS[other].colon}</b> ${proseHtml(rule.summary[other])}</p>`,
  ];
  for (const quote of view.quotes) {
    out.push(
      `<p class="quote"><b>${escapeHtml(w.quote)}${w.colon}</b> <q lang="fr">${quotedIn(escapeHtml(quote.text), language)}</q></p>`,
    );
  }
  return out;
}

/** Each parameter: its description, values, whether an amendment may change it, its sources. */
function parametersHtml(view: RuleView, w: DocWords, language: Language): string[] {
  if (view.parameters.length === 0) return [];
  const out = [`<h5>${escapeHtml(w.parameters)}</h5>`, '<dl class="parameters">'];
  for (const { name, parameter, values, sources } of view.parameters) {
    const { definition, amendable } = parameter;
    const links = sources
      .map(({ id, cite }) => `<a href="#${escapeHtml(clauseAnchor(id))}">${escapeHtml(cite)}</a>`)
      .join(' ; ');
    out.push(
      `<dt><code>${escapeHtml(name)}</code> ${proseHtml(definition.description[language])}</dt>`,
      `<dd><strong class="value">${values
        .map((v) => `<span class="amount">${escapeHtml(v)}</span>`)
        .join(
          ' ; ',
        )}</strong> <span class="muted small">(${amendable ? `${escapeHtml(w.amendable)} ; ` : ''}${links})</span>`,
    );
    if (definition.interpretation) {
      out.push(
        `<p lang="${language}" class="small">${proseHtml(definition.interpretation[language])}</p>`,
        `<p lang="${w.other}" class="small en">${proseHtml(definition.interpretation[w.other])}</p>`,
      );
    }
    out.push('</dd>');
  }
  out.push('</dl>');
  return out;
}

/** When the rule applies and is due, its timing, and when it is breached. */
function conditionsHtml(view: RuleView, w: DocWords): string[] {
  const out = [`<h5>${escapeHtml(w.breaches)}</h5>`, '<dl class="conditions">'];
  const condition = (label: string, lines: ConditionLine[]): void => {
    out.push(`<dt>${label}${w.colon}</dt>`, `<dd>${conditionHtml(lines)}</dd>`);
  };
  if (view.applies) condition(escapeHtml(w.appliesWhen), view.applies);
  if (view.due) condition(escapeHtml(w.dueWhen), view.due);
  if (view.timing.length > 0) {
    out.push(
      `<dt>${escapeHtml(w.timing)}${w.colon}</dt>`,
      `<dd><ul>${view.timing.map((line) => `<li>${escapeHtml(line.trim())}</li>`).join('')}</ul></dd>`,
    );
  }
  for (const breach of view.breaches) condition(proseHtml(w.breachedWhen(breach.id)), breach.lines);
  if (view.late) out.push(`<dt>${proseHtml(w.lateWhen)}</dt>`);
  out.push('</dl>');
  return out;
}

/** The rule's cases, by status, named where there are few. */
function casesHtml(view: RuleView, w: DocWords): string[] {
  const out = [`<h5>${escapeHtml(w.cases)}</h5>`, '<ul class="cases">'];
  if (view.cases.length === 0) out.push(`<li>${escapeHtml(w.noCases)}</li>`);
  for (const group of view.cases) {
    const names =
      group.names.length > 0
        ? `${w.colon}<ul>${group.names.map((n) => `<li><code>${escapeHtml(n)}</code></li>`).join('')}</ul>`
        : '';
    out.push(
      `<li class="case st-${group.status}"><span class="st" aria-hidden="true">${STATUS_SYMBOLS[group.status]}</span> ${escapeHtml(w.caseStatus[group.status])} ${escapeHtml(w.inCases(group.count))}${names}</li>`,
    );
  }
  out.push('</ul>');
  return out;
}

interface ConditionNode {
  text: string;
  children: ConditionNode[];
}

/** Lines of a condition, with their depth, as nested lists. */
function conditionHtml(lines: ConditionLine[]): string {
  const roots: ConditionNode[] = [];
  const open: { depth: number; node: ConditionNode }[] = [];
  for (const line of lines) {
    const node: ConditionNode = { text: line.text, children: [] };
    while (open.length > 0 && open[open.length - 1]!.depth >= line.depth) open.pop();
    (open.length > 0 ? open[open.length - 1]!.node.children : roots).push(node);
    open.push({ depth: line.depth, node });
  }
  const list = (nodes: ConditionNode[]): string =>
    `<ul>${nodes.map((n) => `<li>${escapeHtml(n.text)}${n.children.length > 0 ? list(n.children) : ''}</li>`).join('')}</ul>`;
  return list(roots);
}

const CSS = `
.doc-header .subtitle { font-style: italic; color: var(--muted); margin-top: -0.3em; }
.overview table { font-size: 0.9em; }
.index th code { white-space: nowrap; }
.coverage { width: auto; min-width: 60%; }
.cov { font-weight: 700; }
.badge.cov-encoded, .cov.cov-encoded { color: var(--ok); }
.badge.cov-partly, .cov.cov-partly { color: var(--warn); }
.badge.cov-not-encoded, .cov.cov-not-encoded { color: var(--muted); }
.badge.cov-uncovered, .cov.cov-uncovered { color: var(--breach); }
.badge.cov-encoded { background: var(--ok-bg); }
.badge.cov-partly { background: var(--warn-bg); }
.badge.cov-uncovered { background: var(--breach-bg); }
.sev { font-weight: 600; font-size: 0.85em; border: 1px solid currentColor; border-radius: 3px; padding: 0 5px; white-space: nowrap; }
.sev-error { color: var(--breach); }
.sev-warning { color: var(--warn); }
.part > h2 { margin-top: 2em; }
.text-title { border: none; font-size: 1rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin-top: 2.5em; }
.clause {
  display: grid;
  grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
  gap: 8px 28px;
  border-top: 1px solid var(--rule);
  padding: 12px 0;
}
.clause.heading-unit { border-top: none; padding-top: 0; }
.clause-head { font-size: 0.95rem; margin: 0 0 6px; font-weight: 600; }
.clause-head code { font-weight: 400; color: var(--muted); background: none; }
.clause-text {
  margin: 0;
  padding: 8px 14px;
  border-left: 4px solid var(--blue);
  background: #f7f8fb;
  font-family: Georgia, Cambria, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 1.02rem;
  white-space: pre-line;
}
.cov-not-encoded .clause-text { border-left-color: var(--rule); }
.cov-partly .clause-text { border-left-style: double; border-left-width: 6px; border-left-color: var(--warn); }
.cov-uncovered .clause-text { border-left-color: var(--breach); }
.reason { border-left: 3px dotted var(--muted); padding: 2px 10px; margin-bottom: 8px; }
.reason-partly { border-left-color: var(--warn); }
.reason-uncovered { border-left: 3px solid var(--breach); }
.rule { border: 1px solid var(--rule); border-radius: 4px; padding: 6px 12px 8px; margin: 0 0 10px; background: var(--paper); }
.rule h4 { margin: 0.2em 0 0.3em; }
.rule h4 code { font-size: 0.9em; }
.rule-ref { background: var(--tint); border-style: dashed; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.88em; }
.quote q { quotes: none; font-family: Georgia, "Liberation Serif", "DejaVu Serif", serif; }
.parameters dt { font-weight: 600; margin-top: 4px; }
.parameters dd { margin: 0 0 6px 16px; }
.conditions { font-size: 0.9em; }
.conditions dt { font-weight: 600; margin-top: 4px; }
.conditions dd { margin: 0 0 4px 0; }
.conditions ul { margin: 2px 0; padding-left: 18px; }
.cases { padding-left: 18px; font-size: 0.9em; }
.cases ul { padding-left: 18px; }
.case .st { display: inline-block; width: 1.1em; font-weight: 700; }
.st-breach .st { color: var(--breach); }
.st-satisfied .st { color: var(--ok); }
.st-undetermined .st, .st-pending .st { color: var(--warn); }
@media screen and (min-width: 901px) {
  .clause-left { position: sticky; top: 8px; align-self: start; }
}
@media (max-width: 900px) {
  .clause { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  .clause { grid-template-columns: minmax(0, 1fr); }
  .clause-text, .rule h4, .facts { break-inside: avoid; page-break-inside: avoid; }
  .rule { break-inside: auto; }
  .part > h2 { break-before: page; }
  .part:first-of-type > h2 { break-before: auto; }
}
`;
