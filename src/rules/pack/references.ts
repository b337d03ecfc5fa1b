/**
 * Checking every reference of a pack once it is read: its parameters' clauses, what its
 * facts.yaml derives (see ../facts-check.ts), its named conditions, and each rule file. A pack
 * with any problem is refused whole.
 */
import { factModel } from '../../facts/derive.js';
import type { FactModel } from '../../facts/spec.js';
import { checkFacts } from '../facts-check.js';
import { checkCondition, checkNamedConditions } from './conditions.js';
import { checkRule } from './check-rule.js';
import { locateFact } from './files.js';
import { checkParameters } from './parameters.js';
import { resolveReference } from './scope.js';
import type { PackParts, PackProblem } from './types.js';

/** Checks every reference of a pack's parts; the problems found are added to `problems`. */
export function checkReferences(parts: PackParts, problems: PackProblem[]): void {
  const model = factModel(parts.facts);
  checkParameters(parts, problems);
  checkDerivedFacts(parts, model, problems);
  const measured = checkNamedConditions(parts, model, problems);
  const context = {
    parts,
    model,
    clauseIds: new Set(parts.clauses.map((c) => c.id)),
    conditionNames: new Set(Object.keys(parts.conditions)),
    ...measured,
  };
  for (const rule of parts.rules.values()) checkRule(rule, context, problems);
}

/** What the pack derives (facts.yaml): references, aggregates, order of fields, no cycle. */
function checkDerivedFacts(parts: PackParts, model: FactModel, problems: PackProblem[]): void {
  problems.push(
    ...checkFacts({
      facts: parts.facts,
      locate: (key, pointer) => locateFact(parts, key, pointer),
      model,
      conditions: parts.conditions,
      parameterTypes: Object.fromEntries(
        Object.entries(parts.parameters).map(([name, p]) => [name, p.type]),
      ),
      checkCondition: (condition, pointer, scope, report) =>
        checkCondition(
          condition,
          pointer,
          { parameters: parts.parameters, model, ...scope },
          parts.conditions,
          report,
        ),
      resolve: (scope, fact, path) =>
        resolveReference({ parameters: parts.parameters, model, ...scope }, fact, path),
    }),
  );
}
