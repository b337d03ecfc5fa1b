/**
 * The objects YAML mappings are read into, on either path, and the keys they never take.
 *
 * Their prototype is empty, frozen, and has no prototype itself: looking up `constructor`,
 * `toString` or `__proto__` on them finds nothing, as on `Object.create(null)`, and assigning such
 * a key makes an own property. But V8 keeps these in fast mode, whereas it stores every
 * `Object.create(null)` object as a hash table: about 66 bytes for a mapping of three fields
 * instead of 193, which is most of a large record's memory.
 */
const MAPPING_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** A new, empty mapping. */
export function newMapping(): Record<string, unknown> {
  return Object.create(MAPPING_PROTOTYPE) as Record<string, unknown>;
}

/** Keys refused everywhere: they name parts of JavaScript objects, not of a record. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);
