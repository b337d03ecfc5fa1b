/**
 * Dates of one thing that cannot come in the order a record writes them: an intrapreneur who
 * left a project before joining it, a notice received before it was sent. Such a record says
 * something impossible, and whatever rule read it would judge on a typing mistake (a notice
 * "received" the day before it was sent moved its period a day earlier): an input error, at
 * the later field, naming the earlier one.
 */
import { humanPath, joinPointer } from '../base/pointer.js';
import { type SchemaProblem } from './validate.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Two dates of one mapping that must come in order: `later` on or after `earlier`. */
interface Order {
  /** The field that cannot come first. */
  later: string;
  earlier: string;
  /** What the two are, for the message. */
  because: string;
}

const LEFT: Order = {
  later: 'left',
  earlier: 'joined',
  because: 'an intrapreneur leaves a project on or after joining it',
};
const RECEIVED: Order = {
  later: 'received',
  earlier: 'date',
  because: 'a notice is received on or after the day it is sent',
};

/** Every pair of dates of the record written in an order that cannot be. */
export function datesOutOfOrder(root: unknown): SchemaProblem[] {
  const record = root as {
    projects?: { intrapreneurs?: unknown[] }[];
    termination?: { notice?: unknown };
  };
  const problems: SchemaProblem[] = [];
  const check = (holder: unknown, pointer: string, { later, earlier, because }: Order): void => {
    const fields = holder as Record<string, unknown> | null | undefined;
    const last = fields?.[later];
    const first = fields?.[earlier];
    if (typeof last !== 'string' || typeof first !== 'string') return;
    if (!DAY.test(last) || !DAY.test(first) || last >= first) return;
    const at = joinPointer(pointer, later);
    problems.push({
      pointer: at,
      message: `${humanPath(at)}: ${last} is before ${earlier} (${first}): ${because}`,
    });
  };
  (Array.isArray(record.projects) ? record.projects : []).forEach((project, p) =>
    (Array.isArray(project?.intrapreneurs) ? project.intrapreneurs : []).forEach((person, i) =>
      check(person, `/projects/${p}/intrapreneurs/${i}`, LEFT),
    ),
  );
  check(record.termination?.notice, '/termination/notice', RECEIVED);
  return problems;
}
