/**
 * Checks of a rule pack beyond what loading requires, for its authors: the clause units are the
 * signed text, verbatim and complete; every quote is in its clause; every unit a rule cites is
 * quoted by it or used through a parameter; every unit is encoded by a rule or says why it is
 * not, never both. Loading already refuses a pack whose files, facts,
 * operators, parameters or named conditions are wrong.
 */
import type { PackProblem, RulePack } from './pack/types.js';

/** Whitespace is not part of a quote: line breaks in YAML and in the text may differ. */
export const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function lintPack(pack: RulePack): PackProblem[] {
  const problems: PackProblem[] = [];
  // A pack that extends another may have its own clauses.yaml: the last one read is the pack's.
  const clausesFile = pack.files.findLast((f) => f.path.endsWith('clauses.yaml'));
  const atClause = (index: number, field: string, message: string): void => {
    const where = clausesFile?.locate(`/units/${index}/${field}`) ?? { line: 1, column: 1 };
    problems.push({ file: clausesFile?.path ?? `${pack.dir}/clauses.yaml`, ...where, message });
  };

  // The units, in order, are the signed text.
  const joined = normalizeSpace(pack.clauses.map((u) => u.text).join(' '));
  const source = normalizeSpace(pack.sourceText);
  if (joined !== source) {
    let at = 0;
    while (at < joined.length && joined[at] === source[at]) at++;
    const offset = pack.clauses.findIndex(
      (_, i) =>
        normalizeSpace(
          pack.clauses
            .slice(0, i + 1)
            .map((u) => u.text)
            .join(' '),
        ).length >= at,
    );
    atClause(
      Math.max(0, offset),
      'text',
      `the clause units differ from the signed text here: «${joined.slice(at, at + 40)}» where the text has «${source.slice(at, at + 40)}»`,
    );
  }

  const encodedBy = new Map<string, string[]>();
  for (const rule of pack.rules) {
    for (const id of rule.clauses) encodedBy.set(id, [...(encodedBy.get(id) ?? []), rule.id]);
    // A rule that cites a unit quotes it, or uses it through a parameter taken from it: what
    // the coverage table says a rule encodes is what the rule shows it checks.
    const quoted = new Set(rule.quotes.map((q) => q.clause));
    const used = new Set(
      (rule.parameters ?? []).flatMap((name) => pack.parameters[name]?.definition.clauses ?? []),
    );
    rule.clauses.forEach((id, i) => {
      if (quoted.has(id) || used.has(id)) return;
      problems.push({
        file: rule.source.path,
        ...rule.source.locate(`/clauses/${i}`),
        message: `the rule cites ${id} but neither quotes it nor uses a parameter taken from it`,
      });
    });
    rule.quotes.forEach((quote, i) => {
      const unit = pack.clause(quote.clause);
      if (unit && !normalizeSpace(unit.text).includes(normalizeSpace(quote.text))) {
        problems.push({
          file: rule.source.path,
          ...rule.source.locate(`/quotes/${i}/text`),
          message: `the quote is not, word for word, in clause ${quote.clause}: «${quote.text}»`,
        });
      }
    });
  }
  pack.clauses.forEach((unit, index) => {
    const rules = encodedBy.get(unit.id) ?? [];
    if (rules.length === 0 && !unit.notEncoded) {
      atClause(
        index,
        'id',
        `clause ${unit.id} is encoded by no rule and does not say why (add notEncoded)`,
      );
    }
    if (rules.length > 0 && unit.notEncoded) {
      atClause(
        index,
        'notEncoded',
        `clause ${unit.id} says it is not encoded, but ${rules.join(', ')} encode it`,
      );
    }
  });
  return problems;
}
