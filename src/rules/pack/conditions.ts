/**
 * The conditions of a pack: each checked against what its facts denote where it is written (the
 * operator exists and compares the fact's type, a literal is of that type), the named conditions
 * of conditions.yaml measured once written out (no cycle, not too deep or too large), and the
 * conditions of a rule with where each is in the rule file.
 */
import { parseCalendarDate } from '../../base/calendar.js';
import { acceptsType, operatorSpec, refusedOperator } from '../../facts/operators.js';
import { ownEntry } from '../../facts/spec.js';
import type { Comparison, Condition } from '../../model/expressions.js';
import type { NamedCondition, RuleFile } from '../../model/pack.js';
import { at } from './files.js';
import { resolveReference, type ReferenceScope } from './scope.js';
import type { PackParts, PackProblem } from './types.js';

/**
 * Checks every condition of a tree; problems get the pointer of the place at fault. In a rule, a
 * named condition is checked again against the rule's items, except those in `expanding`: the
 * ones being expanded, and those refused whole (in a cycle, or too large once written out).
 */
export function checkCondition(
  condition: Condition,
  pointer: string,
  scope: ReferenceScope,
  named: Readonly<Record<string, NamedCondition>>,
  report: (pointer: string, message: string) => void,
  expanding: ReadonlySet<string> = new Set(),
): void {
  const recurse = (c: Condition, at: string): void =>
    checkCondition(c, at, scope, named, report, expanding);
  if ('all' in condition) condition.all.forEach((c, i) => recurse(c, `${pointer}/all/${i}`));
  else if ('any' in condition) condition.any.forEach((c, i) => recurse(c, `${pointer}/any/${i}`));
  else if ('not' in condition) recurse(condition.not, `${pointer}/not`);
  else if ('condition' in condition) {
    const target = ownEntry(named, condition.condition);
    if (!target) {
      report(
        `${pointer}/condition`,
        `there is no named condition ${condition.condition} in conditions.yaml`,
      );
    } else if (scope.over !== undefined && !expanding.has(condition.condition)) {
      // A named condition is checked where a rule uses it, against that rule's items.
      const name = condition.condition;
      checkCondition(
        target.when,
        pointer,
        scope,
        named,
        (_, message) => report(`${pointer}/condition`, `${name}: ${message}`),
        new Set([...expanding, name]),
      );
    }
  } else checkComparison(condition, pointer, scope, report);
}

/** Checks a comparison: its operator exists, and compares the type of its fact and of its value. */
function checkComparison(
  condition: Comparison,
  pointer: string,
  scope: ReferenceScope,
  report: (pointer: string, message: string) => void,
): void {
  const operator = operatorSpec(condition.operator);
  if (!operator) {
    const instead = refusedOperator(condition.operator);
    report(
      `${pointer}/operator`,
      instead
        ? `the operator ${condition.operator} parses numbers loosely: use ${instead}`
        : `there is no operator ${condition.operator}`,
    );
  }
  const left = resolveReference(scope, condition.fact, condition.path);
  if ('problem' in left) report(`${pointer}/${left.inPath ? 'path' : 'fact'}`, left.problem);
  else if (operator && !left.untyped && !acceptsType(operator.kind, left.spec.type)) {
    report(
      `${pointer}/operator`,
      `${condition.operator} compares ${operator.kind}s, and ${condition.fact}${condition.path ? '.' + condition.path : ''} is ${article(left.spec.type)}`,
    );
  }
  if (condition.params !== undefined)
    report(`${pointer}/params`, 'facts take no params here: use the rule’s deadlines');
  const value = condition.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const right = resolveReference(scope, value.fact, value.path);
    if ('problem' in right)
      report(`${pointer}/value/${right.inPath ? 'path' : 'fact'}`, right.problem);
    else if (operator && !right.untyped && !acceptsType(operator.kind, right.spec.type)) {
      report(
        `${pointer}/value`,
        `${condition.operator} compares ${operator.kind}s, and ${value.fact}${value.path ? '.' + value.path : ''} is ${article(right.spec.type)}`,
      );
    }
  } else if (operator && operator.kind !== 'any') {
    const literalOk =
      operator.kind === 'date'
        ? typeof value === 'string' && parseCalendarDate(value).ok
        : operator.kind === 'money'
          ? typeof value === 'number' && Number.isSafeInteger(value)
          : typeof value === 'number' && Number.isFinite(value);
    if (!literalOk) {
      const expected = {
        date: 'a date YYYY-MM-DD',
        money: 'an amount in integer cents',
        number: 'a number',
        any: '',
      }[operator.kind];
      report(
        `${pointer}/value`,
        `${condition.operator} compares with ${expected}, not ${JSON.stringify(value)}`,
      );
    }
  }
}

/** A type's name with its article: `a date`, `an object`. */
const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The names of the named conditions a condition uses, directly. */
function referencedConditions(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => referencedConditions(c, into));
  else if ('any' in condition) condition.any.forEach((c) => referencedConditions(c, into));
  else if ('not' in condition) referencedConditions(condition.not, into);
  else if ('condition' in condition) into.add(condition.condition);
  return into;
}

/**
 * Past these limits a condition is refused: written out with the named conditions it uses, it
 * would nest deeper than a document may (each level is a call when it is checked and judged), or
 * grow so large that judging one item takes unbounded time — a few names, each using the next
 * twice, make millions of comparisons. A rule pack needs a few levels and a few dozen conditions.
 */
export const MAX_CONDITION_DEPTH = 64;
export const MAX_CONDITION_SIZE = 10_000;

/** How many conditions a condition holds, and how deep they nest, counted up to past the limits. */
export interface Extent {
  size: number;
  depth: number;
}

/**
 * The extent of a condition once the named conditions it uses are written out; `named` gives
 * theirs, or nothing for a name not written out (unknown, or in a cycle): it counts as one.
 */
function extentIn(condition: Condition, named: (name: string) => Extent | undefined): Extent {
  let size = 1;
  let depth = 0;
  if ('condition' in condition) {
    const inner = named(condition.condition);
    size += inner?.size ?? 0;
    depth = inner?.depth ?? 0;
  } else {
    const children =
      'all' in condition
        ? condition.all
        : 'any' in condition
          ? condition.any
          : 'not' in condition
            ? [condition.not]
            : [];
    for (const child of children) {
      const extent = extentIn(child, named);
      size += extent.size;
      depth = Math.max(depth, extent.depth);
    }
  }
  return {
    size: Math.min(size, MAX_CONDITION_SIZE + 1),
    depth: Math.min(1 + depth, MAX_CONDITION_DEPTH + 1),
  };
}

/** Whether an extent is past the limits. */
export const exceeds = (extent: Extent): boolean =>
  extent.depth > MAX_CONDITION_DEPTH || extent.size > MAX_CONDITION_SIZE;

/** What is wrong with an extent past the limits, for `what` (a named condition, this condition). */
export function extentProblem(extent: Extent, what: string): string {
  const written = 'once the named conditions it uses are written out';
  return extent.depth > MAX_CONDITION_DEPTH
    ? `${what} nests more than ${MAX_CONDITION_DEPTH} levels deep ${written} (expected at most ${MAX_CONDITION_DEPTH})`
    : `${what} holds more than ${MAX_CONDITION_SIZE} conditions ${written} (expected at most ${MAX_CONDITION_SIZE})`;
}

/**
 * Finds the cycles among the named conditions, and those too large once written out; each is
 * reported where it is named. Returns the names refused (not to be expanded where rules use
 * them), the extent of any condition, and whether a condition uses a refused name. The names
 * are walked with a stack of their own, not by recursion: a chain of thousands of names is data.
 */
function measureConditions(
  parts: PackParts,
  problems: PackProblem[],
): {
  refused: ReadonlySet<string>;
  extentOf: (condition: Condition) => Extent;
  usesRefused: (condition: Condition) => boolean;
} {
  const state = new Map<string, 'visiting' | 'done'>();
  /** Where each name being visited is on the stack. */
  const onStack = new Map<string, number>();
  const inCycle = new Set<string>();
  const extents = new Map<string, Extent>();
  const report = (name: string, message: string): void => {
    problems.push(at(parts.conditionSources[name]!, `/conditions/${name}`, message, true));
  };
  // A name that closes a cycle counts as one condition, never written out: every cycle has one
  // such name at least, so the names left make no cycle and their extents are finite.
  const measured = (name: string): Extent | undefined =>
    inCycle.has(name) ? undefined : extents.get(name);
  for (const root of Object.keys(parts.conditions)) {
    if (state.has(root)) continue;
    const stack: { name: string; next: Iterator<string> }[] = [];
    const enter = (name: string): void => {
      state.set(name, 'visiting');
      onStack.set(name, stack.length);
      stack.push({ name, next: referencedConditions(parts.conditions[name]!.when).values() });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const step = top.next.next();
      if (step.done) {
        stack.pop();
        onStack.delete(top.name);
        state.set(top.name, 'done');
        extents.set(top.name, extentIn(parts.conditions[top.name]!.when, measured));
        continue;
      }
      const next = step.value;
      if (!Object.hasOwn(parts.conditions, next)) continue;
      if (state.get(next) === 'visiting') {
        // One cycle is said for each name that closes one: the name is where to look.
        if (!inCycle.has(next)) {
          const cycle = cycleInWords(stack, onStack.get(next)!);
          report(next, `the named conditions form a cycle: ${cycle}`);
        }
        inCycle.add(next);
      } else if (!state.has(next)) enter(next);
    }
  }
  const refused = new Set(inCycle);
  const tooLarge = (name: string): boolean => {
    const extent = measured(name);
    return extent !== undefined && exceeds(extent);
  };
  const usesRefused = (condition: Condition): boolean =>
    [...referencedConditions(condition)].some(tooLarge);
  for (const [name, extent] of extents) {
    if (!tooLarge(name)) continue;
    refused.add(name);
    // Said of the names that make it too large, not again of each name that uses them.
    if (!usesRefused(parts.conditions[name]!.when))
      report(name, extentProblem(extent, `the named condition ${name}`));
  }
  return { refused, extentOf: (condition) => extentIn(condition, measured), usesRefused };
}

/**
 * The cycle of the names on a stack from `from` to its top, back to the first, in words; past a
 * dozen names its middle is left out (a cycle may run through thousands of them).
 */
function cycleInWords(stack: readonly { name: string }[], from: number): string {
  const names = (start: number, end?: number): string[] =>
    stack.slice(start, end).map((frame) => frame.name);
  const length = stack.length - from;
  const shown =
    length <= 12
      ? names(from)
      : [...names(from, from + 5), `… (${length - 10} more)`, ...names(-5)];
  return [...shown, stack[from]!.name].join(' -> ');
}

/** The conditions of a rule, with where each is in the rule file. */
export function ruleConditions(rule: RuleFile): { pointer: string; condition: Condition }[] {
  const out: { pointer: string; condition: Condition }[] = [];
  if (rule.applies) out.push({ pointer: '/applies', condition: rule.applies });
  if (rule.due.when) out.push({ pointer: '/due/when', condition: rule.due.when });
  if (rule.due.performed) out.push({ pointer: '/due/performed', condition: rule.due.performed });
  rule.breaches.forEach((b, i) => out.push({ pointer: `/breaches/${i}/when`, condition: b.when }));
  return out;
}

/**
 * Checks the named conditions of conditions.yaml: their references are known (`item` is checked
 * where a rule uses them), and none is in a cycle or too large once written out. Returns what
 * the rules' conditions are checked with (see measureConditions).
 */
export function checkNamedConditions(
  parts: PackParts,
  model: ReferenceScope['model'],
  problems: PackProblem[],
): ReturnType<typeof measureConditions> {
  const packScope: ReferenceScope = {
    parameters: parts.parameters,
    model,
    itemsChecked: 'at-use',
  };
  for (const [name, named] of Object.entries(parts.conditions)) {
    const source = parts.conditionSources[name]!;
    checkCondition(
      named.when,
      `/conditions/${name}/when`,
      packScope,
      parts.conditions,
      (pointer, message) => problems.push(at(source, pointer, message)),
    );
  }
  return measureConditions(parts, problems);
}
