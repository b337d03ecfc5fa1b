/**
 * The one-line scalars the fast reader (./fast.ts) reads — plain, single- and double-quoted —
 * resolved with the YAML 1.2 core schema as the `yaml` package resolves them. At anything it is
 * not sure of (a multi-line or unclosed quote, a rare escape, a character that starts something
 * else) a scalar reader gives up, and the record is read by the exact path (./exact.ts).
 */

/** Thrown to give up: the caller reads the text with the exact path. */
export const GIVE_UP = Symbol('give up');

export function giveUp(): never {
  throw GIVE_UP;
}

// The YAML 1.2 core schema, in the order the `yaml` package tries its tags.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the core schema, as the `yaml` package resolves it. */
export function resolvePlain(source: string): unknown {
  // Each form is tried only where its first characters allow it: a record's keys, names, dates
  // and amounts go through one or two of the core schema's expressions, not all of them.
  const c = source.charCodeAt(0);
  if ((source.length === 0 || c === 126 || c === 110 || c === 78) && NULL.test(source)) return null;
  if (c === 116 || c === 84 || c === 102 || c === 70) {
    if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
    return source;
  }
  // Only digits, signs, dots, letters of numbers: anything else is text, without more tests.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return source;
  // A number has a `-` only as its sign, or after the `e` of its exponent: one anywhere else
  // makes text (dates, weeks, `1-2-00548`), without trying every form of number.
  const dash = source.indexOf('-', 1);
  if (dash !== -1) {
    const before = source.charCodeAt(dash - 1);
    if (before !== 101 && before !== 69) return source;
  }
  const second = source.charCodeAt(1);
  if (c === 48 && second === 111 && INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (c === 48 && second === 120 && INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (source.length <= 5 && FLOAT_NAN.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : source[0] === '-'
        ? -Infinity
        : Infinity;
  }
  if (FLOAT.test(source) || FLOAT_EXP.test(source)) return parseFloat(source);
  return source;
}

export const SPACE = 32;
export const NEWLINE = 10;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const COMMA = 44;

/**
 * Characters a plain scalar may not start with (the indicators of YAML), when not simple. The
 * closing `]` and `}` and the `,` belong to flow collections: starting a key or a value in a block,
 * the `yaml` package refuses them.
 */
export const REFUSED_START: ReadonlySet<string> = new Set([...'&*!|>%@`?,]}', '\t', '\r']);

/** The escapes of double-quoted scalars read here, besides `\u` and four hex digits. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  ' ': ' ',
};

/** A one-line quoted scalar at `at`; returns its value and the offset after its closing quote. */
export function quotedScalar(text: string, at: number): { value: string; end: number } {
  const quote = text[at]!;
  let out = '';
  let i = at + 1;
  for (;;) {
    const end = text.indexOf(quote, i);
    const newline = text.indexOf('\n', i);
    if (end === -1 || (newline !== -1 && newline < end)) giveUp(); // unclosed or multi-line
    if (quote === "'") {
      out += text.slice(i, end);
      if (text[end + 1] === "'") {
        out += "'";
        i = end + 2;
        continue;
      }
      return { value: out, end: end + 1 };
    }
    const chunk = text.slice(i, end);
    const backslash = chunk.indexOf('\\');
    if (backslash === -1) {
      return { value: out + chunk, end: end + 1 };
    }
    // Escapes: the common ones here; any other makes the exact path read the record.
    out += chunk.slice(0, backslash);
    const escaped = text[i + backslash + 1];
    if (escaped !== undefined && SIMPLE_ESCAPES[escaped] !== undefined) {
      out += SIMPLE_ESCAPES[escaped];
      i = i + backslash + 2;
      continue;
    }
    if (
      escaped === 'u' &&
      /^[0-9a-fA-F]{4}$/.test(text.slice(i + backslash + 2, i + backslash + 6))
    ) {
      out += String.fromCharCode(parseInt(text.slice(i + backslash + 2, i + backslash + 6), 16));
      i = i + backslash + 6;
      continue;
    }
    return giveUp();
  }
}

/** A plain scalar on one line (block context): its text ends before a comment or the line's end. */
export function plainScalar(text: string, at: number): { value: unknown; end: number } {
  if (REFUSED_START.has(text[at]!)) giveUp();
  let i = at;
  let end = at;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (i >= text.length || ch === NEWLINE) break;
    if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
    if (ch === COLON) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= text.length || next === SPACE || next === NEWLINE) giveUp(); // a nested mapping
    }
    if (ch !== SPACE) end = i + 1;
    i++;
  }
  return { value: resolvePlain(text.slice(at, end)), end };
}

/** A plain scalar in a flow collection: it ends at `,`, `]`, `}`, `: `, a comment or the line's end. */
export function flowPlainScalar(text: string, at: number): { value: unknown; end: number } {
  if (REFUSED_START.has(text[at]!)) giveUp();
  // A `-` that does not start a word (`-5` does) is a block list's dash, refused in a flow.
  if (text[at] === '-' && !/[^\s,[\]{}]/.test(text[at + 1] ?? ' ')) giveUp();
  let i = at;
  let end = at;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (i >= text.length) giveUp();
    if (ch === NEWLINE || ch === COMMA || ch === 93 || ch === 125) break;
    if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
    if (ch === 91 || ch === 123) giveUp();
    if (ch === COLON) giveUp(); // a key, or a colon the exact path should judge
    if (ch !== SPACE) end = i + 1;
    i++;
  }
  if (end === at) giveUp();
  return { value: resolvePlain(text.slice(at, end)), end };
}
