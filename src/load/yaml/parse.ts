/**
 * Reading YAML text into a plain value tree (objects without prototype, arrays, scalars),
 * keeping where every value is written.
 *
 * Most records are plain YAML that the fast path (./fast.ts) reads whole; anything else, and
 * every problem, is for the exact path (./exact.ts), which the `yaml` package parses. Both give
 * the same values and positions (test/differential.test.ts).
 */
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { LineIndex } from '../text.js';
import { parseExact, type ParsedYaml } from './exact.js';
import { fastParse } from './fast.js';
import { SourcePositions } from './positions.js';

export type { ParsedYaml } from './exact.js';

/**
 * Reads YAML text into a plain value. `maxBytes` is the size limit the text was read within, of
 * which the exact path takes a share (exactPathLimit); `exact` skips the fast path.
 */
export function parseYaml(
  text: string,
  options: { exact?: boolean; maxBytes?: number } = {},
): ParsedYaml {
  const lines = new LineIndex(text);
  const stop = { at: 0 };
  const fast = options.exact ? undefined : fastParse(text, stop);
  if (fast)
    return {
      value: fast.value,
      positions: new SourcePositions(lines, fast.spans, fast.rootStart),
      problems: [],
    };
  return parseExact(text, lines, options.maxBytes ?? DEFAULT_MAX_BYTES, stop.at);
}
