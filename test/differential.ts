/**
 * The differential check of the two YAML paths: the fast path (src/load/yaml/fast.ts) must either
 * give up or read exactly what the exact path (the `yaml` package, src/load/yaml/exact.ts) reads — the
 * same value, the same place for every entry, and no problem the exact path would report.
 */
import { isDeepStrictEqual } from 'node:util';
import { fastParse } from '../src/load/yaml/fast.js';
import { parseYaml, type ParsedYaml } from '../src/load/yaml/parse.js';

/** What both paths must agree on: the value, the problems and where each entry is written. */
export function reading(parsed: ParsedYaml) {
  const entries = parsed.value === undefined ? [] : parsed.positions.entries(parsed.value);
  // A collection's end is only used for scalars' source text: compare the ends of scalars only.
  return {
    value: parsed.value,
    problems: parsed.problems,
    entries: entries.map((e) => (e.leaf ? e : { ...e, end: -1 })),
  };
}

/** How the fast path fared on one text. */
export type Outcome =
  | { read: false; divergence?: undefined }
  | { read: true; divergence?: undefined }
  | { read: true; divergence: string };

/**
 * Reads a text on both paths. The fast path may give up (`read: false`); where it reads, any
 * difference with the exact path is a divergence, described in words.
 */
export function differential(text: string): Outcome {
  if (!fastParse(text)) return { read: false };
  const fast = reading(parseYaml(text));
  const exact = reading(parseYaml(text, { exact: true }));
  if (exact.problems.length > 0) {
    const said = exact.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ');
    return { read: true, divergence: `the exact path refuses it (${said})` };
  }
  if (!isDeepStrictEqual(fast.value, exact.value))
    return {
      read: true,
      divergence: `values differ: fast ${show(fast.value)}, exact ${show(exact.value)}`,
    };
  if (!isDeepStrictEqual(fast.entries, exact.entries)) {
    const i = fast.entries.findIndex((e, k) => !isDeepStrictEqual(e, exact.entries[k]));
    return {
      read: true,
      divergence: `positions differ: fast ${show(fast.entries[i])}, exact ${show(exact.entries[i])}`,
    };
  }
  return { read: true };
}

function show(value: unknown): string {
  const text = JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
  );
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * A smaller text that still diverges: lines, then characters, removed while the divergence
 * stays. What a regression case is made of.
 */
export function shrink(text: string): string {
  const diverges = (t: string): boolean => differential(t).divergence !== undefined;
  let current = text;
  for (const unit of ['\n', '']) {
    let changed = true;
    while (changed) {
      changed = false;
      const parts = unit === '\n' ? current.split('\n') : [...current];
      for (let i = parts.length - 1; i >= 0; i--) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + 1)].join(unit);
        if (candidate !== '' && diverges(candidate)) {
          current = candidate;
          parts.splice(i, 1);
          changed = true;
        }
      }
    }
  }
  return current;
}
