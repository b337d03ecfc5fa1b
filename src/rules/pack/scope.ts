/**
 * What a fact reference of a pack denotes where it is written (a rule, a named condition, a
 * derived fact, a message): the fact's type and fields, or why it is not known there.
 */
import { pathSegments, splitDotted } from '../../facts/missing.js';
import { ownEntry, specAt, type FactModel, type FactSpec } from '../../facts/spec.js';
import { parameterFactSpec } from './parameters.js';
import type { PackParameter } from './types.js';

/** What a condition's fact reference denotes, or why it is not known. */
export interface ReferenceScope {
  parameters: Record<string, PackParameter>;
  /** The facts of the pack: the record's and those it derives. */
  model: FactModel;
  /** The rule's collection, when the reference is in a rule (or a field's, in facts.yaml). */
  over?: string;
  /** In an aggregate's `where`: the collection of the item the formula is for. */
  outer?: string;
  /** In a made week: the collection of the item it is made for. */
  owner?: string;
  /** The parameters the rule declares. */
  declaredParameters?: readonly string[];
  deadlines?: readonly string[];
  /** In conditions.yaml: `item` is checked where a rule uses the condition. */
  itemsChecked?: 'at-use';
}

/** The fact a reference `fact` with its `path` denotes in a scope, or why it is not known there. */
export function resolveReference(
  scope: ReferenceScope,
  fact: string,
  path: string | undefined,
): { spec: FactSpec; untyped?: boolean } | { problem: string; inPath?: boolean } {
  const segments = pathSegments(path);
  if (fact === 'item') {
    if (scope.over === undefined) {
      return scope.itemsChecked === 'at-use'
        ? { spec: { type: 'object', description: { fr: 'élément', en: 'item' } }, untyped: true }
        : { problem: 'the fact item exists only in a rule' };
    }
    const spec = specAt(ownEntry(scope.model.collections, scope.over), segments);
    return spec
      ? { spec }
      : { problem: `the items of ${scope.over} have no field ${path ?? ''}`, inPath: true };
  }
  if (fact === 'outer' || fact === 'owner') {
    const over = scope[fact];
    if (over === undefined)
      return {
        problem:
          fact === 'outer'
            ? 'the fact outer exists only in an aggregate of a collection’s field'
            : 'the fact owner exists only in a made week',
      };
    const spec = specAt(ownEntry(scope.model.collections, over), segments);
    return spec
      ? { spec }
      : { problem: `the items of ${over} have no field ${path ?? ''}`, inPath: true };
  }
  if (fact === 'params') {
    const [name, ...rest] = segments;
    if (name === undefined) return { problem: 'name the parameter: path: <parameter>' };
    const parameter = ownEntry(scope.parameters, name);
    if (!parameter) return { problem: `there is no parameter ${name}`, inPath: true };
    if (scope.declaredParameters && !scope.declaredParameters.includes(name)) {
      return {
        problem: `the parameter ${name} is used but not listed under parameters:`,
        inPath: true,
      };
    }
    const spec = specAt(parameterFactSpec(parameter), rest);
    return spec
      ? { spec }
      : { problem: `the parameter ${name} has no field ${rest.join('.')}`, inPath: true };
  }
  if (scope.deadlines?.includes(fact)) {
    if (segments.length > 0) return { problem: `the deadline ${fact} is a date, with no path` };
    return {
      spec: {
        type: 'date',
        description: { fr: fact, en: fact },
        nullable: true,
        mayBeMissing: true,
      },
    };
  }
  const global = ownEntry(scope.model.globals, fact);
  if (!global) return { problem: `there is no fact ${fact}` };
  const spec = specAt(global, segments);
  return spec ? { spec } : { problem: `the fact ${fact} has no field ${path ?? ''}`, inPath: true };
}

/** Resolves a dotted reference `fact.path` (as in deadlines and messages). */
export function resolveDotted(
  scope: ReferenceScope,
  dotted: string,
): { spec: FactSpec } | { problem: string } {
  const { fact, path } = splitDotted(dotted);
  return resolveReference(scope, fact, path.join('.'));
}
