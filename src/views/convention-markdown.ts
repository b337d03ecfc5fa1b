/**
 * The annotated convention in Markdown, for pull requests: one section per clause unit in the
 * order of the text, stable order everywhere, prose wrapped at one width, no date or version,
 * so that a change to the pack shows as a diff of the units and rules it touches.
 */
import type { LoadedRule } from '../rules/pack/types.js';
import { quotedIn, type Language } from '../base/language.js';
import {
  COVERAGES,
  countCoverage,
  partTitle,
  ruleAnchor,
  type AnnotatedClause,
  type AnnotatedConvention,
  type ConditionLine,
} from './convention.js';
import { ruleView, type RuleView } from './convention-rule.js';
import { DOC_WORDS, type DocWords } from './doc-words.js';
import {
  cellMarkdown,
  escapeMarkdown,
  proseMarkdown,
  quoteMarkdown,
  tableMarkdown,
  wrap,
} from './markdown.js';
import { OBLIGOR_WORDS, SEVERITY_WORDS, STATUS_SYMBOLS } from '../words/findings.js';

export function conventionMarkdown(doc: AnnotatedConvention, language: Language): string {
  const w = DOC_WORDS[language];
  const { pack } = doc;
  const out: string[] = [];
  const block = (...lines: string[]): void => {
    if (out.length > 0) out.push('');
    out.push(...lines);
  };

  block(`# ${escapeMarkdown(pack.convention[language])}`);
  block(...wrap(`*${escapeMarkdown(pack.convention[w.other])}*`));
  block(...wrap(w.generated(pack.id)));
  block(
    ...wrap(
      `${escapeMarkdown(pack.title[language])}. ${w.figures(pack.clauses.length, pack.rules.length, doc.caseCount)}`,
    ),
  );
  block(...wrap(escapeMarkdown(w.howToRead)));

  block(`## ${w.coverage}`);
  const all = doc.parts.flatMap((p) => p.clauses);
  const shown = COVERAGES.filter((c) => c !== 'uncovered' || countCoverage(all).uncovered > 0);
  const row = (label: string, clauses: AnnotatedClause[]): string[] => {
    const counts = countCoverage(clauses);
    return [label, String(clauses.length), ...shown.map((c) => String(counts[c]))];
  };
  block(
    ...tableMarkdown(
      [w.part, w.units, ...shown.map((c) => w.coverageColumns[c])],
      ['l', 'r', ...shown.map(() => 'r' as const)],
      [
        ...doc.parts.map((part) =>
          row(cellMarkdown(escapeMarkdown(partTitle(part, language))), part.clauses),
        ),
        row(`**${w.total}**`, all).map((cell, i) => (i === 0 ? cell : `**${cell}**`)),
      ],
    ),
  );

  for (const part of doc.parts) {
    block(`## ${escapeMarkdown(partTitle(part, language))}`);
    for (const clause of part.clauses) {
      if (clause !== part.heading) {
        block(`### ${escapeMarkdown(clause.unit.cite)}`);
        block(...quoteMarkdown(clause.unit.text));
      }
      block(...clauseNotes(clause, w, language));
      for (const rule of clause.rules) block(...ruleMarkdown(doc, rule, clause, w, language));
    }
  }
  block(`## ${w.ruleIndex}`);
  block(
    ...tableMarkdown(
      [w.rule, w.title, w.clauses, w.severity, w.obligor],
      ['l', 'l', 'l', 'l', 'l'],
      pack.rules.map((rule) => [
        `[\`${rule.id}\`](#${ruleAnchor(rule.id)})`,
        cellMarkdown(escapeMarkdown(rule.title[language])),
        cellMarkdown(
          escapeMarkdown(rule.clauses.map((id) => pack.clause(id)?.cite ?? id).join(' ; ')),
        ),
        SEVERITY_WORDS[language][rule.severity],
        OBLIGOR_WORDS[language][rule.obligor],
      ]),
    ),
  );

  return out.join('\n') + '\n';
}

/** The unit's id, its coverage, and why it is not (wholly) encoded, in both languages. */
function clauseNotes(clause: AnnotatedClause, w: DocWords, language: Language): string[] {
  const { unit } = clause;
  const rules = clause.rules.map((r) => `[\`${r.id}\`](#${ruleAnchor(r.id)})`).join(', ');
  let status = `\`${unit.id}\` · **${w.coverageWords[clause.coverage]}**`;
  if (rules) status += ` ${w.encodedBy} ${rules}.`;
  if (unit.notEncoded) status += `${w.colon} ${proseMarkdown(unit.notEncoded[language])}`;
  else if (unit.partlyEncoded) status += ` ${proseMarkdown(unit.partlyEncoded[language])}`;
  else if (clause.coverage === 'uncovered')
    status += `${w.colon} ${escapeMarkdown(w.uncoveredNote)}`;
  const lines = wrap(status);
  const reason = unit.notEncoded ?? unit.partlyEncoded;
  if (reason) lines.push('', ...wrap(`*${proseMarkdown(reason[w.other])}*`));
  return lines;
}

const bullet = (level: number, text: string): string[] =>
  wrap(text, `${'  '.repeat(level)}- `, `${'  '.repeat(level)}  `);

/**
 * A rule under one of its units: in full under the first unit it encodes, and as a summary with
 * a link to that description under the others.
 */
function ruleMarkdown(
  doc: AnnotatedConvention,
  rule: LoadedRule,
  clause: AnnotatedClause,
  w: DocWords,
  language: Language,
): string[] {
  const view = ruleView(doc, rule, clause, language);
  const lines = ruleHeadMarkdown(rule, view, w, language);
  if (!view.home) {
    lines.push(
      ...bullet(
        0,
        `${w.seeHome}${w.colon} ${w.seeUnder} [${escapeMarkdown(view.homeCite)}](#${ruleAnchor(rule.id)}).`,
      ),
    );
    return lines;
  }
  if (rule.interpretation)
    lines.push(...bilingual(0, 'interpretationLabel', rule.interpretation, language, '**'));
  lines.push(...parametersMarkdown(view, w, language));
  lines.push(...conditionsMarkdown(view, w));
  lines.push(...casesMarkdown(view, w));
  return lines;
}

/** A labelled text in the language of the page, then in the other one. */
function bilingual(
  level: number,
  label: 'summaryLabel' | 'interpretationLabel',
  text: Record<Language, string>,
  language: Language,
  mark: '**' | '*',
): string[] {
  const w = DOC_WORDS[language];
  const other = DOC_WORDS[w.other];
  return [
    ...bullet(level, `${mark}${w[label]}${w.colon}${mark} ${proseMarkdown(text[language])}`),
    ...bullet(level, `${mark}${other[label]}${other.colon}${mark} ${proseMarkdown(text[w.other])}`),
  ];
}

/** The rule's title, summary, severity, obligor, due date, and the words of the unit it quotes. */
function ruleHeadMarkdown(
  rule: LoadedRule,
  view: RuleView,
  w: DocWords,
  language: Language,
): string[] {
  const other = w.other;
  const anchor = view.home ? `<a id="${ruleAnchor(rule.id)}"></a>` : '';
  const lines = [
    `#### ${anchor}\`${rule.id}\` ${escapeMarkdown(rule.title[language])} · ${escapeMarkdown(rule.title[other])}`,
    '',
  ];
  lines.push(
    ...bilingual(0, 'summaryLabel', rule.summary, language, '**'),
    ...bullet(
      0,
      `**${w.severity}${w.colon}** ${SEVERITY_WORDS[language][rule.severity]} · **${w.obligor}${w.colon}** ${OBLIGOR_WORDS[language][rule.obligor]} · **${w.due}${w.colon}** ${proseMarkdown(rule.due.description[language])}`,
    ),
    ...(rule.kind === 'record' ? bullet(0, `*${w.recordCheck}*`) : []),
  );
  for (const quote of view.quotes) {
    lines.push(
      ...bullet(0, `**${w.quote}${w.colon}** ${quotedIn(escapeMarkdown(quote.text), language)}`),
    );
  }
  return lines;
}

/** Each parameter: its description, values, whether an amendment may change it, its sources. */
function parametersMarkdown(view: RuleView, w: DocWords, language: Language): string[] {
  if (view.named === 0) return [];
  const lines = [`- **${w.parameters}${w.colon}**`];
  for (const { name, parameter, values, sources } of view.parameters) {
    const { definition } = parameter;
    const cites = sources.map((s) => s.cite).join(' ; ');
    const notes = [parameter.amendable ? w.amendable : '', cites].filter(Boolean).join(' ; ');
    lines.push(
      ...bullet(
        1,
        `\`${name}\` — ${proseMarkdown(definition.description[language])}${w.colon} **${escapeMarkdown(values.join(' ; '))}** (${escapeMarkdown(notes)})`,
      ),
    );
    if (definition.interpretation)
      lines.push(...bilingual(2, 'interpretationLabel', definition.interpretation, language, '*'));
  }
  return lines;
}

/** When the rule applies and is due, its timing, and when it is breached. */
function conditionsMarkdown(view: RuleView, w: DocWords): string[] {
  const lines: string[] = [];
  const condition = (label: string, when: ConditionLine[]): string[] => [
    ...bullet(0, `**${label}${w.colon}**`),
    ...conditionMarkdown(when, 1),
  ];
  if (view.applies) lines.push(...condition(w.appliesWhen, view.applies));
  if (view.due) lines.push(...condition(w.dueWhen, view.due));
  if (view.timing.length > 0) {
    lines.push(...bullet(0, `**${w.timing}${w.colon}**`));
    for (const line of view.timing) {
      const match = /^( *)(?:- )?(.*)$/.exec(line)!;
      lines.push(...bullet(1 + Math.floor(match[1]!.length / 2), escapeMarkdown(match[2]!)));
    }
  }
  lines.push(`- **${w.breaches}${w.colon}**`);
  for (const breach of view.breaches) {
    lines.push(...bullet(1, `${w.breachedWhen(breach.id)}${w.colon}`));
    lines.push(...conditionMarkdown(breach.lines, 2));
  }
  if (view.late) lines.push(...bullet(1, w.lateWhen));
  return lines;
}

/** The rule's cases, by status, named where there are few. */
function casesMarkdown(view: RuleView, w: DocWords): string[] {
  const lines = [`- **${w.cases}${w.colon}**`];
  if (view.cases.length === 0) lines.push(...bullet(1, w.noCases));
  for (const group of view.cases) {
    const head = `${STATUS_SYMBOLS[group.status]} ${w.caseStatus[group.status]} ${w.inCases(group.count)}`;
    lines.push(...bullet(1, group.names.length > 0 ? `${head}${w.colon}` : head));
    for (const name of group.names) lines.push(...bullet(2, `\`${name}\``));
  }
  return lines;
}

/** The lines of a condition as nested bullets. */
function conditionMarkdown(lines: ConditionLine[], level: number): string[] {
  return lines.flatMap((line) => bullet(level + line.depth, escapeMarkdown(line.text)));
}
