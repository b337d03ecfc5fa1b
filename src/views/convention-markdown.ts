/**
 * The annotated convention in Markdown, for pull requests: one section per clause unit in the
 * order of the text, stable order everywhere, prose wrapped at one width, no date or version,
 * so that a change to the pack shows as a diff of the units and rules it touches.
 */
import type { LoadedRule } from '../rules/pack/types.js';
import { timingInWords } from '../rules/describe.js';
import type { Language } from '../base/language.js';
import type { Condition } from '../model/expressions.js';
import {
  COVERAGES,
  conditionLines,
  countCoverage,
  parameterValues,
  partTitle,
  ruleAnchor,
  rulesCasesByStatus,
  type AnnotatedClause,
  type AnnotatedConvention,
} from './convention.js';
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

function quoted(text: string, language: Language): string {
  return language === 'fr' ? `« ${text} »` : `“${text}”`;
}

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
  const { pack } = doc;
  const home = doc.homeOf.get(rule.id) === clause.unit.id;
  const other = w.other;
  const anchor = home ? `<a id="${ruleAnchor(rule.id)}"></a>` : '';
  const lines = [
    `#### ${anchor}\`${rule.id}\` ${escapeMarkdown(rule.title[language])} · ${escapeMarkdown(rule.title[other])}`,
    '',
  ];
  lines.push(
    ...bullet(
      0,
      `**${w.summaryLabel[language]}${w.colon}** ${proseMarkdown(rule.summary[language])}`,
    ),
    ...bullet(
      0,
      `**${w.summaryLabel[other]}${DOC_WORDS[other].colon}** ${proseMarkdown(rule.summary[other])}`,
    ),
    ...bullet(
      0,
      `**${w.severity}${w.colon}** ${SEVERITY_WORDS[language][rule.severity]} · **${w.obligor}${w.colon}** ${OBLIGOR_WORDS[language][rule.obligor]} · **${w.due}${w.colon}** ${proseMarkdown(rule.due.description[language])}`,
    ),
    ...(rule.kind === 'record' ? bullet(0, `*${w.recordCheck}*`) : []),
  );
  for (const quote of rule.quotes.filter((q) => q.clause === clause.unit.id)) {
    lines.push(
      ...bullet(0, `**${w.quote}${w.colon}** ${quoted(escapeMarkdown(quote.text), language)}`),
    );
  }
  if (!home) {
    const homeClause = pack.clause(doc.homeOf.get(rule.id) ?? '');
    lines.push(
      ...bullet(
        0,
        `${w.seeHome}${w.colon} ${w.seeUnder} [${escapeMarkdown(homeClause?.cite ?? rule.id)}](#${ruleAnchor(rule.id)}).`,
      ),
    );
    return lines;
  }

  if (rule.interpretation) {
    lines.push(
      ...bullet(
        0,
        `**${w.interpretationLabel[language]}${w.colon}** ${proseMarkdown(rule.interpretation[language])}`,
      ),
      ...bullet(
        0,
        `**${w.interpretationLabel[other]}${DOC_WORDS[other].colon}** ${proseMarkdown(rule.interpretation[other])}`,
      ),
    );
  }
  const parameters = rule.parameters ?? [];
  if (parameters.length > 0) {
    lines.push(`- **${w.parameters}${w.colon}**`);
    for (const name of parameters) {
      const parameter = pack.parameters[name];
      if (!parameter) continue;
      const { definition } = parameter;
      const sources = definition.clauses.map((id) => pack.clause(id)?.cite ?? id).join(' ; ');
      const notes = [parameter.amendable ? w.amendable : '', sources].filter(Boolean).join(' ; ');
      lines.push(
        ...bullet(
          1,
          `\`${name}\` — ${proseMarkdown(definition.description[language])}${w.colon} **${escapeMarkdown(parameterValues(pack, name, language).join(' ; '))}** (${escapeMarkdown(notes)})`,
        ),
      );
      if (definition.interpretation) {
        lines.push(
          ...bullet(
            2,
            `*${w.interpretationLabel[language]}${w.colon}* ${proseMarkdown(definition.interpretation[language])}`,
          ),
          ...bullet(
            2,
            `*${w.interpretationLabel[other]}${DOC_WORDS[other].colon}* ${proseMarkdown(definition.interpretation[other])}`,
          ),
        );
      }
    }
  }
  const condition = (label: string, when: Condition): string[] => [
    ...bullet(0, `**${label}${w.colon}**`),
    ...conditionMarkdown(doc, rule, when, language, 1),
  ];
  if (rule.applies) lines.push(...condition(w.appliesWhen, rule.applies));
  if (rule.due.when) lines.push(...condition(w.dueWhen, rule.due.when));
  const timing = timingInWords(rule, doc.pack, language);
  if (timing.length > 0) {
    lines.push(...bullet(0, `**${w.timing}${w.colon}**`));
    for (const line of timing) {
      const match = /^( *)(?:- )?(.*)$/.exec(line)!;
      lines.push(...bullet(1 + Math.floor(match[1]!.length / 2), escapeMarkdown(match[2]!)));
    }
  }
  lines.push(`- **${w.breaches}${w.colon}**`);
  for (const breach of rule.breaches) {
    lines.push(...bullet(1, `${w.breachedWhen(breach.id)}${w.colon}`));
    lines.push(...conditionMarkdown(doc, rule, breach.when, language, 2));
  }
  if (rule.messages.late) lines.push(...bullet(1, w.lateWhen));
  lines.push(`- **${w.cases}${w.colon}**`);
  const groups = rulesCasesByStatus(doc.casesOf.get(rule.id) ?? []);
  if (groups.length === 0) lines.push(...bullet(1, w.noCases));
  for (const group of groups) {
    const head = `${STATUS_SYMBOLS[group.status]} ${w.caseStatus[group.status]} ${w.inCases(group.count)}`;
    lines.push(...bullet(1, group.names.length > 0 ? `${head}${w.colon}` : head));
    for (const name of group.names) lines.push(...bullet(2, `\`${name}\``));
  }
  return lines;
}

function conditionMarkdown(
  doc: AnnotatedConvention,
  rule: LoadedRule,
  when: Condition,
  language: Language,
  level: number,
): string[] {
  return conditionLines(when, doc.pack, rule, language).flatMap((line) =>
    bullet(level + line.depth, escapeMarkdown(line.text)),
  );
}
