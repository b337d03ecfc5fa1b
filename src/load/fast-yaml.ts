/**
 * A fast path for reading records: a single-pass reader for the plain YAML that records are made
 * of — block mappings and sequences, flow collections, plain and quoted one-line scalars,
 * comments — resolved with the YAML 1.2 core schema, keeping where every value is written.
 *
 * It accepts only what it is sure of. At anything else (anchors, aliases, tags, block scalars,
 * multi-line plain or quoted scalars, tabs, CR, byte-order marks, document markers, keys near the
 * 1,024 characters of an implicit key, an indentation it does not expect, a duplicate or refused
 * key, deep nesting...) it gives up, and the record is read by the `yaml` package instead
 * (./yaml.ts), which also words every error. It mirrors the `yaml` version pinned in
 * package.json: test/differential.test.ts compares both paths on values, positions and problems
 * over the YAML test suite, the repository's files and generated documents; ./yaml.ts explains
 * why the exact path exists.
 */
import { MAX_DEPTH } from './limits.js';
import { newMapping } from './mapping.js';
import { SpanTable } from './spans.js';

/** Where the entries of one mapping or sequence are written: [keyStart, valueStart, valueEnd] each. */

export interface FastParse {
  value: Record<string, unknown>;
  spans: SpanTable;
  rootStart: number;
}

/** Thrown to give up: the caller reads the text with the exact path. */
const GIVE_UP = Symbol('give up');

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
  if (NULL.test(source)) return null;
  // Only digits, signs, dots, letters of numbers: anything else is text, without more tests.
  const c = source.charCodeAt(0);
  if (c === 116 || c === 84 || c === 102 || c === 70) {
    if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
    return source;
  }
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return source;
  // A number has a `-` only as its sign, or after the `e` of its exponent: one anywhere else
  // makes text (dates, weeks, `1-2-00548`), without trying every form of number.
  const dash = source.indexOf('-', 1);
  if (dash !== -1) {
    const before = source.charCodeAt(dash - 1);
    if (before !== 101 && before !== 69) return source;
  }
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : source[0] === '-'
        ? -Infinity
        : Infinity;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;

/**
 * Characters a plain scalar may not start with (the indicators of YAML), when not simple. The
 * closing `]` and `}` and the `,` belong to flow collections: starting a key or a value in a block,
 * the `yaml` package refuses them.
 */
const REFUSED_START = new Set([...'&*!|>%@`?,]}', '\t', '\r']);

/** Keys longer than this, from their first character to their `:`, are for the exact path. */
const LONGEST_KEY = 1000;

/**
 * How many entries, and how many collections, a text may make for its length. Each costs memory
 * out of proportion to the characters that write it (`[{},{},...]`: three characters, some 200
 * bytes), so that a text dense with them could make a file within the size limit take gigabytes.
 * Records make one entry for 15 characters or more, one collection for 60 or more: past one for
 * 8 and one for 32, the fast path gives up, and the exact path's own limit applies
 * (exactPathLimit).
 */
const CHARACTERS_PER_ENTRY = 8;
const CHARACTERS_PER_COLLECTION = 32;

class Reader {
  /** The start of the entry being read: where the reader is said to stop when it gives up. */
  pos = 0;
  readonly spans: SpanTable;
  private depth = 0;
  /** The entries and the collections the text may still make (see CHARACTERS_PER_ENTRY). */
  private entriesLeft: number;
  private collectionsLeft: number;

  constructor(readonly text: string) {
    this.spans = new SpanTable(text.length);
    this.entriesLeft = Math.max(10_000, Math.floor(text.length / CHARACTERS_PER_ENTRY));
    this.collectionsLeft = Math.max(1_000, Math.floor(text.length / CHARACTERS_PER_COLLECTION));
  }

  giveUp(): never {
    throw GIVE_UP;
  }

  /** The column (0-based) of an offset. */
  column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /**
   * Skips blank lines and comment lines from the start of a line; returns the offset of the
   * first content character and its indent, or undefined at the end of the text.
   */
  nextContentLine(from: number): { at: number; indent: number } | undefined {
    const text = this.text;
    let lineStart = from;
    while (lineStart < text.length) {
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= text.length) return undefined;
      if (c === NEWLINE || c === HASH) {
        const end = text.indexOf('\n', i);
        if (end === -1) return undefined;
        lineStart = end + 1;
        continue;
      }
      return { at: i, indent: i - lineStart };
    }
    return undefined;
  }

  /** After a value on a line: only spaces and a comment may follow; returns the next line's start. */
  endOfLine(from: number): number {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= text.length) return text.length;
    const c = text.charCodeAt(i);
    if (c === HASH) {
      if (i === from) this.giveUp(); // a comment needs a space before it
      const end = text.indexOf('\n', i);
      return end === -1 ? text.length : end + 1;
    }
    if (c === NEWLINE) return i + 1;
    return this.giveUp();
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH || --this.collectionsLeft < 0) this.giveUp();
  }

  /** Counts one more entry of a mapping or a sequence. */
  entry(): void {
    if (--this.entriesLeft < 0) this.giveUp();
  }

  leave(): void {
    this.depth--;
  }

  /** A key, plain or quoted, at `at`; returns its text and where its ':' is. */
  key(at: number, flow: boolean): { key: string; colon: number } {
    this.pos = at;
    const text = this.text;
    const c = text[at];
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(at);
      if (text.charCodeAt(end) !== COLON) this.giveUp();
      // `"by":dinsic` is a pair in a flow mapping, as in JSON; the `yaml` package refuses it in
      // a block mapping.
      if (!flow && !this.blankAfter(end)) this.giveUp();
      return { key: value, colon: this.shortKey(at, end) };
    }
    if (
      c === undefined ||
      REFUSED_START.has(c) ||
      c === '[' ||
      c === '{' ||
      c === '-' ||
      c === ':' ||
      c === '#'
    ) {
      // "-" keys and the like are legal YAML but never in a record: the exact path decides.
      this.giveUp();
    }
    let i = at;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (i >= text.length || ch === NEWLINE) this.giveUp();
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (
          i + 1 >= text.length ||
          next === SPACE ||
          next === NEWLINE ||
          (flow && (next === COMMA || next === 125))
        )
          break;
      }
      if (flow && (ch === COMMA || ch === 91 || ch === 93 || ch === 123 || ch === 125))
        this.giveUp();
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) this.giveUp();
      i++;
    }
    let end = i;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const value = resolvePlain(text.slice(at, end));
    return { key: value === null ? '' : String(value), colon: this.shortKey(at, i) };
  }

  /**
   * The `:` of an implicit key, which the `yaml` package refuses more than 1,024 characters after
   * the key's start (in block mappings): keys anywhere near that long are for the exact path.
   */
  shortKey(at: number, colon: number): number {
    if (colon - at > LONGEST_KEY) this.giveUp();
    return colon;
  }

  /** Whether the character at an offset is followed by a space, a line end or the end of the text. */
  blankAfter(at: number): boolean {
    const next = this.text.charCodeAt(at + 1);
    return at + 1 >= this.text.length || next === SPACE || next === NEWLINE;
  }

  /** A one-line quoted scalar at `at`; returns its value and the offset after its closing quote. */
  quoted(at: number): { value: string; end: number } {
    const text = this.text;
    const quote = text[at]!;
    let out = '';
    let i = at + 1;
    for (;;) {
      const end = text.indexOf(quote, i);
      const newline = text.indexOf('\n', i);
      if (end === -1 || (newline !== -1 && newline < end)) this.giveUp(); // unclosed or multi-line
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
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        n: '\n',
        t: '\t',
        r: '\r',
        '0': '\0',
        ' ': ' ',
      };
      if (escaped !== undefined && simple[escaped] !== undefined) {
        out += simple[escaped];
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
      return this.giveUp();
    }
  }

  /** A plain scalar on one line (block context): its text ends before a comment or the line's end. */
  plain(at: number): { value: unknown; end: number } {
    const text = this.text;
    if (REFUSED_START.has(text[at]!)) this.giveUp();
    let i = at;
    let end = at;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (i >= text.length || ch === NEWLINE) break;
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (i + 1 >= text.length || next === SPACE || next === NEWLINE) this.giveUp(); // a nested mapping
      }
      if (ch !== SPACE) end = i + 1;
      i++;
    }
    return { value: resolvePlain(text.slice(at, end)), end };
  }

  /** A plain scalar in a flow collection: it ends at `,`, `]`, `}`, `: `, a comment or the line's end. */
  flowPlain(at: number): { value: unknown; end: number } {
    const text = this.text;
    if (REFUSED_START.has(text[at]!)) this.giveUp();
    // A `-` that does not start a word (`-5` does) is a block list's dash, refused in a flow.
    if (text[at] === '-' && !/[^\s,[\]{}]/.test(text[at + 1] ?? ' ')) this.giveUp();
    let i = at;
    let end = at;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (i >= text.length) this.giveUp();
      if (ch === NEWLINE || ch === COMMA || ch === 93 || ch === 125) break;
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (ch === 91 || ch === 123) this.giveUp();
      if (ch === COLON) this.giveUp(); // a key, or a colon the exact path should judge
      if (ch !== SPACE) end = i + 1;
      i++;
    }
    if (end === at) this.giveUp();
    return { value: resolvePlain(text.slice(at, end)), end };
  }

  /**
   * Skips spaces, line ends and comments inside a flow collection; continuation lines must be
   * indented more than the block that holds the collection. The `yaml` package lets the closing
   * bracket of the outermost collection, and of it only, stand at the block's indentation.
   */
  flowSpace(from: number, parentIndent: number, outermost: boolean): number {
    const text = this.text;
    let i = from;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE) i++;
      else if (ch === HASH) {
        // A comment at the very start of a line is refused by the `yaml` package after a value
        // in a flow mapping (`{k: x\n# c\n}`), though not everywhere: the exact path judges.
        if (text.charCodeAt(i - 1) !== SPACE) this.giveUp();
        const end = text.indexOf('\n', i);
        if (end === -1) this.giveUp();
        i = end;
      } else if (ch === NEWLINE) {
        i++;
        let indent = 0;
        while (text.charCodeAt(i + indent) === SPACE) indent++;
        const next = text.charCodeAt(i + indent);
        if (
          next !== NEWLINE &&
          next !== HASH &&
          indent <= parentIndent &&
          !(outermost && indent === parentIndent && (next === 93 || next === 125))
        ) {
          this.giveUp();
        }
        i += indent;
      } else return i;
    }
  }

  /**
   * A flow sequence or mapping at `at`, in a block indented by `parentIndent`; returns the value
   * and the offset after its closing bracket.
   */
  flow(at: number, parentIndent: number, outermost: boolean): { value: unknown; end: number } {
    const text = this.text;
    const space = (from: number): number => this.flowSpace(from, parentIndent, outermost);
    const open = text[at];
    const close = open === '[' ? ']' : '}';
    this.enter();
    const keys: string[] = [];
    const spans: number[] = [];
    const object = newMapping();
    const items: unknown[] = [];
    let i = space(at + 1);
    while (text[i] !== close) {
      if (open === '{') {
        const { key, colon } = this.key(i, true);
        if (FORBIDDEN_KEYS.has(key) || key in object) this.giveUp();
        const valueAt = space(colon + 1);
        const { value, end } = this.flowValue(valueAt, parentIndent);
        object[key] = value;
        keys.push(key);
        this.entry();
        this.entry();
        spans.push(i, valueAt, end);
        i = space(end);
      } else {
        const { value, end } = this.flowValue(i, parentIndent);
        items.push(value);
        this.entry();
        spans.push(i, i, end);
        i = space(end);
      }
      if (text[i] === ',') i = space(i + 1);
      else if (text[i] !== close) this.giveUp();
    }
    this.leave();
    const value = open === '{' ? object : items;
    this.spans.add(value as object, spans, spans.length / 3, open === '{' ? keys : undefined);
    return { value, end: i + 1 };
  }

  flowValue(at: number, parentIndent: number): { value: unknown; end: number } {
    this.pos = at;
    const c = this.text[at];
    if (c === '[' || c === '{') return this.flow(at, parentIndent, false);
    if (c === '"' || c === "'") return this.quoted(at);
    if (c === ',' || c === ']' || c === '}') this.giveUp(); // an empty entry
    return this.flowPlain(at);
  }

  /**
   * The value after a `key:` or a `- ` at `at` on the line of an entry at `indent`; returns the
   * value, its start and end, and the offset of the next line.
   */
  blockValue(
    at: number,
    indent: number,
  ): { value: unknown; start: number; end: number; next: number } {
    const text = this.text;
    let i = at;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text[i];
    if (i >= text.length || c === '\n' || c === '#') {
      if (c === '#' && i === at) this.giveUp();
      // Nothing on the line: a nested block, or nothing at all.
      const lineEnd = text.indexOf('\n', i);
      const next = lineEnd === -1 ? text.length : lineEnd + 1;
      const content = this.nextContentLine(next);
      if (content && content.indent > indent) {
        const nested =
          text.charCodeAt(content.at) === DASH &&
          (text[content.at + 1] === ' ' || text[content.at + 1] === '\n')
            ? this.blockSequence(content.at, content.indent)
            : this.blockMapping(content.at, content.indent);
        return { value: nested.value, start: content.at, end: nested.end, next: nested.next };
      }
      // An empty value is placed as the `yaml` package places it: after the spaces that follow
      // the indicator, at the comment or the line's end.
      return { value: null, start: i, end: i, next };
    }
    if (c === '[' || c === '{') {
      const { value, end } = this.flow(i, indent, true);
      return { value, start: i, end, next: this.endOfLine(end) };
    }
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(i);
      return { value, start: i, end, next: this.endOfLine(end) };
    }
    // A `-` then a blank is a sequence's dash, even as the text's last character.
    if (c === '-' && this.blankAfter(i)) this.giveUp();
    const { value, end } = this.plain(i);
    const next = this.endOfLine(end);
    // A more indented line after a plain scalar continues it: leave that to the exact path.
    const content = this.nextContentLine(next);
    if (content && content.indent > indent) this.giveUp();
    return { value, start: i, end, next };
  }

  /** A block mapping whose first key is at `at`, indented by `indent`. */
  blockMapping(
    at: number,
    indent: number,
  ): { value: Record<string, unknown>; end: number; next: number } {
    this.enter();
    const object = newMapping();
    const keys: string[] = [];
    const spans: number[] = [];
    let keyAt = at;
    let end: number;
    let next: number;
    for (;;) {
      const { key, colon } = this.key(keyAt, false);
      if (FORBIDDEN_KEYS.has(key) || key in object) this.giveUp();
      const value = this.blockValue(colon + 1, indent);
      object[key] = value.value;
      keys.push(key);
      spans.push(keyAt, value.start, value.end);
      end = value.end;
      next = value.next;
      const content = this.nextContentLine(next);
      if (!content || content.indent < indent) break;
      if (content.indent > indent) this.giveUp();
      if (this.text.charCodeAt(content.at) === DASH && this.text[content.at + 1] === ' ')
        this.giveUp();
      keyAt = content.at;
    }
    this.leave();
    this.spans.add(object, spans, keys.length, keys);
    return { value: object, end, next };
  }

  /** A block sequence whose first `-` is at `at`, indented by `indent`. */
  blockSequence(at: number, indent: number): { value: unknown[]; end: number; next: number } {
    this.enter();
    const text = this.text;
    const items: unknown[] = [];
    const spans: number[] = [];
    let dash = at;
    let end: number;
    let next: number;
    for (;;) {
      this.pos = dash;
      let i = dash + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text[i];
      let item: { value: unknown; start: number; end: number; next: number };
      if (c === undefined || c === '\n' || c === '#' || c === '-') this.giveUp();
      else if (c === '[' || c === '{' || c === '"' || c === "'" || !this.startsKey(i)) {
        item = this.blockValue(dash + 1, indent);
      } else {
        // A compact mapping: `- key: value`, its other keys aligned under the first.
        const mapping = this.blockMapping(i, this.column(i));
        item = { value: mapping.value, start: i, end: mapping.end, next: mapping.next };
      }
      items.push(item.value);
      this.entry();
      spans.push(item.start, item.start, item.end);
      end = item.end;
      next = item.next;
      const content = this.nextContentLine(next);
      if (!content || content.indent < indent) break;
      if (content.indent > indent || text.charCodeAt(content.at) !== DASH) this.giveUp();
      if (text[content.at + 1] !== ' ' && text[content.at + 1] !== '\n') this.giveUp();
      dash = content.at;
    }
    this.leave();
    this.spans.add(items, spans, items.length);
    return { value: items, end, next };
  }

  /** Whether a plain key (`word:` then a space or the line's end) starts at `at`. */
  startsKey(at: number): boolean {
    const text = this.text;
    for (let i = at; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE) return false;
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return false;
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (i + 1 >= text.length || next === SPACE || next === NEWLINE) return true;
      }
    }
    return false;
  }
}

/**
 * Reads a record's text on the fast path, or returns undefined for the exact path to read it;
 * `stop.at` is then where the fast path stopped: the first character it does not read, or the
 * start of the entry it could not read.
 */
export function fastParse(text: string, stop?: { at: number }): FastParse | undefined {
  // What the fast path never reads: tabs and carriage returns (indentation and line ends the
  // exact path judges), byte-order marks (the `yaml` package drops some and keeps others, by
  // where they are: a first one is dropped before the text gets here), and document markers and
  // directives.
  const refused = /[\t\r\ufeff]|^(?:---|\.\.\.|%)/m.exec(text);
  if (refused) {
    if (stop) stop.at = refused.index;
    return undefined;
  }
  const reader = new Reader(text);
  try {
    const first = reader.nextContentLine(0);
    if (!first || first.indent !== 0) {
      reader.pos = first?.at ?? 0;
      throw GIVE_UP;
    }
    const { value, next } = reader.blockMapping(first.at, 0);
    const after = reader.nextContentLine(next);
    if (after !== undefined) {
      reader.pos = after.at;
      reader.giveUp();
    }
    return { value, spans: reader.spans, rootStart: first.at };
  } catch (error) {
    if (error !== GIVE_UP) throw error;
    if (stop) stop.at = reader.pos;
    return undefined;
  }
}
