/**
 * References between the items of a record: a payment that performs an amendment, a decision
 * that cites the amendment describing the incubation. A reference to an id the record does not
 * hold is a mistyped id (`Avenant-1` for `avenant-1`), an input error with the likely id, never
 * a breach of the convention.
 */
import { humanPath, joinPointer } from '../base/pointer.js';
import { quote } from '../base/quote.js';
import { type SchemaProblem } from './validate.js';
import { closest } from '../base/closest.js';

interface Referencing {
  amendment?: unknown;
}

/** Every reference to an amendment id that names none of the record's amendments. */
export function danglingReferences(root: unknown): SchemaProblem[] {
  const record = root as {
    amendments?: { id?: unknown }[];
    payments?: Referencing[];
    projects?: { incubationDecision?: Referencing }[];
  };
  const ids = (Array.isArray(record.amendments) ? record.amendments : [])
    .map((a) => a?.id)
    .filter((id): id is string => typeof id === 'string');
  const known = new Set(ids);
  const problems: SchemaProblem[] = [];
  const check = (holder: Referencing | undefined, pointer: string): void => {
    const id = holder?.amendment;
    if (typeof id !== 'string' || known.has(id)) return;
    const at = joinPointer(pointer, 'amendment');
    const likely = closest(id, ids);
    const hint = likely
      ? ` (did you mean ${quote(likely)}?)`
      : ids.length === 0
        ? ' (the record has no amendments)'
        : '';
    problems.push({
      pointer: at,
      message: `${humanPath(at)}: ${quote(id)} is not the id of an amendment of this record${hint}`,
    });
  };
  (Array.isArray(record.payments) ? record.payments : []).forEach((payment, index) =>
    check(payment, `/payments/${index}`),
  );
  (Array.isArray(record.projects) ? record.projects : []).forEach((project, index) =>
    check(project?.incubationDecision, `/projects/${index}/incubationDecision`),
  );
  return problems;
}
