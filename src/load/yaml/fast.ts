/**
 * A fast path for reading records: a single-pass reader for the plain YAML that records are made
 * of — block mappings and sequences, flow collections, plain and quoted one-line scalars,
 * comments — resolved with the YAML 1.2 core schema, keeping where every value is written.
 *
 * It accepts only what it is sure of. At anything else (anchors, aliases, tags, block scalars,
 * multi-line plain or quoted scalars, tabs, CR, byte-order marks, document markers, keys near the
 * 1,024 characters of an implicit key, an indentation it does not expect, a duplicate or refused
 * key, deep nesting...) it gives up, and the record is read by the `yaml` package instead
 * (./exact.ts), which also words every error. It mirrors the `yaml` version pinned in
 * package.json: test/differential.test.ts compares both paths on values, positions and problems
 * over the YAML test suite, the repository's files and generated documents; ./exact.ts explains
 * why the exact path exists. Its scalars are read by ./scalars.ts.
 */
import { MAX_DEPTH } from '../limits.js';
import { FORBIDDEN_KEYS, newMapping } from './mapping.js';
import { isIntegerLike, SpanTable } from './positions.js';
import {
  COLON,
  COMMA,
  DASH,
  flowPlainScalar,
  giveUp,
  GIVE_UP,
  HASH,
  NEWLINE,
  plainScalar,
  quotedScalar,
  REFUSED_START,
  resolvePlain,
  SPACE,
} from './scalars.js';

export interface FastParse {
  value: Record<string, unknown>;
  spans: SpanTable;
  rootStart: number;
}

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
  /**
   * The spans of the entries read so far of the collections being read, innermost last, as
   * triples (start, value start, end): one buffer for all, from which each collection's are copied
   * to the table when it ends. An array per collection, grown entry by entry then dropped, was a
   * fifth of what reading a large record allocated.
   */
  private scratch = new Int32Array(3 * 1024);
  private top = 0;

  constructor(readonly text: string) {
    this.spans = new SpanTable(text.length);
    this.entriesLeft = Math.max(10_000, Math.floor(text.length / CHARACTERS_PER_ENTRY));
    this.collectionsLeft = Math.max(1_000, Math.floor(text.length / CHARACTERS_PER_COLLECTION));
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
      if (i === from) giveUp(); // a comment needs a space before it
      const end = text.indexOf('\n', i);
      return end === -1 ? text.length : end + 1;
    }
    if (c === NEWLINE) return i + 1;
    return giveUp();
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH || --this.collectionsLeft < 0) giveUp();
  }

  /** Counts one more entry of a mapping or a sequence. */
  entry(): void {
    if (--this.entriesLeft < 0) giveUp();
  }

  leave(): void {
    this.depth--;
  }

  /** Adds an entry's span to the collection being read. */
  span(start: number, valueStart: number, end: number): void {
    if (this.top + 3 > this.scratch.length) {
      const grown = new Int32Array(this.scratch.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    const scratch = this.scratch;
    scratch[this.top] = start;
    scratch[this.top + 1] = valueStart;
    scratch[this.top + 2] = end;
    this.top += 3;
  }

  /**
   * Ends the collection whose spans start at `base` in the scratch buffer: they go to the table,
   * with a mapping's keys in written order where JavaScript's order differs.
   */
  close(container: object, base: number, keys?: readonly string[]): void {
    this.spans.add(container, this.scratch, (this.top - base) / 3, keys, base);
    this.top = base;
  }

  /** A key, plain or quoted, at `at`; returns its text and where its ':' is. */
  key(at: number, flow: boolean): { key: string; colon: number } {
    this.pos = at;
    const text = this.text;
    const c = text[at];
    if (c === '"' || c === "'") {
      const { value, end } = quotedScalar(this.text, at);
      if (text.charCodeAt(end) !== COLON) giveUp();
      // `"by":dinsic` is a pair in a flow mapping, as in JSON; the `yaml` package refuses it in
      // a block mapping.
      if (!flow && !this.blankAfter(end)) giveUp();
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
      giveUp();
    }
    let i = at;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (i >= text.length || ch === NEWLINE) giveUp();
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
      if (flow && (ch === COMMA || ch === 91 || ch === 93 || ch === 123 || ch === 125)) giveUp();
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) giveUp();
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
    if (colon - at > LONGEST_KEY) giveUp();
    return colon;
  }

  /** Whether the character at an offset is followed by a space, a line end or the end of the text. */
  blankAfter(at: number): boolean {
    const next = this.text.charCodeAt(at + 1);
    return at + 1 >= this.text.length || next === SPACE || next === NEWLINE;
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
        if (text.charCodeAt(i - 1) !== SPACE) giveUp();
        const end = text.indexOf('\n', i);
        if (end === -1) giveUp();
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
          giveUp();
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
    const mapping = text.charCodeAt(at) === 123;
    const close = mapping ? '}' : ']';
    this.enter();
    const base = this.top;
    let keys: string[] | undefined;
    // Only the container written is made: a record has hundreds of flow collections.
    const object = mapping ? newMapping() : undefined;
    const items: unknown[] | undefined = mapping ? undefined : [];
    let i = this.flowSpace(at + 1, parentIndent, outermost);
    while (text[i] !== close) {
      if (object !== undefined) {
        const { key, colon } = this.key(i, true);
        if (FORBIDDEN_KEYS.has(key) || key in object) giveUp();
        keys = writtenOrder(object, key, keys);
        const valueAt = this.flowSpace(colon + 1, parentIndent, outermost);
        const { value, end } = this.flowValue(valueAt, parentIndent);
        object[key] = value;
        this.entry();
        this.entry();
        this.span(i, valueAt, end);
        i = this.flowSpace(end, parentIndent, outermost);
      } else {
        const { value, end } = this.flowValue(i, parentIndent);
        items!.push(value);
        this.entry();
        this.span(i, i, end);
        i = this.flowSpace(end, parentIndent, outermost);
      }
      if (text[i] === ',') i = this.flowSpace(i + 1, parentIndent, outermost);
      else if (text[i] !== close) giveUp();
    }
    this.leave();
    const value = object ?? items!;
    this.close(value, base, keys);
    return { value, end: i + 1 };
  }

  flowValue(at: number, parentIndent: number): { value: unknown; end: number } {
    this.pos = at;
    const c = this.text[at];
    if (c === '[' || c === '{') return this.flow(at, parentIndent, false);
    if (c === '"' || c === "'") return quotedScalar(this.text, at);
    if (c === ',' || c === ']' || c === '}') giveUp(); // an empty entry
    return flowPlainScalar(this.text, at);
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
      if (c === '#' && i === at) giveUp();
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
      const { value, end } = quotedScalar(this.text, i);
      return { value, start: i, end, next: this.endOfLine(end) };
    }
    // A `-` then a blank is a sequence's dash, even as the text's last character.
    if (c === '-' && this.blankAfter(i)) giveUp();
    const { value, end } = plainScalar(this.text, i);
    const next = this.endOfLine(end);
    // A more indented line after a plain scalar continues it: leave that to the exact path.
    const content = this.nextContentLine(next);
    if (content && content.indent > indent) giveUp();
    return { value, start: i, end, next };
  }

  /** A block mapping whose first key is at `at`, indented by `indent`. */
  blockMapping(
    at: number,
    indent: number,
  ): { value: Record<string, unknown>; end: number; next: number } {
    this.enter();
    const base = this.top;
    const object = newMapping();
    let keys: string[] | undefined;
    let keyAt = at;
    let end: number;
    let next: number;
    for (;;) {
      const { key, colon } = this.key(keyAt, false);
      if (FORBIDDEN_KEYS.has(key) || key in object) giveUp();
      keys = writtenOrder(object, key, keys);
      const value = this.blockValue(colon + 1, indent);
      object[key] = value.value;
      this.span(keyAt, value.start, value.end);
      end = value.end;
      next = value.next;
      const content = this.nextContentLine(next);
      if (!content || content.indent < indent) break;
      if (content.indent > indent) giveUp();
      if (this.text.charCodeAt(content.at) === DASH && this.text[content.at + 1] === ' ') giveUp();
      keyAt = content.at;
    }
    this.leave();
    this.close(object, base, keys);
    return { value: object, end, next };
  }

  /** A block sequence whose first `-` is at `at`, indented by `indent`. */
  blockSequence(at: number, indent: number): { value: unknown[]; end: number; next: number } {
    this.enter();
    const base = this.top;
    const text = this.text;
    const items: unknown[] = [];
    let dash = at;
    let end: number;
    let next: number;
    for (;;) {
      this.pos = dash;
      let i = dash + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text[i];
      let item: { value: unknown; start: number; end: number; next: number };
      if (c === undefined || c === '\n' || c === '#' || c === '-') giveUp();
      else if (c === '[' || c === '{' || c === '"' || c === "'" || !this.startsKey(i)) {
        item = this.blockValue(dash + 1, indent);
      } else {
        // A compact mapping: `- key: value`, its other keys aligned under the first.
        const mapping = this.blockMapping(i, this.column(i));
        item = { value: mapping.value, start: i, end: mapping.end, next: mapping.next };
      }
      items.push(item.value);
      this.entry();
      this.span(item.start, item.start, item.end);
      end = item.end;
      next = item.next;
      const content = this.nextContentLine(next);
      if (!content || content.indent < indent) break;
      if (content.indent > indent || text.charCodeAt(content.at) !== DASH) giveUp();
      if (text[content.at + 1] !== ' ' && text[content.at + 1] !== '\n') giveUp();
      dash = content.at;
    }
    this.leave();
    this.close(items, base);
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
 * A mapping's keys in written order, before `key` is added to it, where JavaScript's own order
 * (integer-like keys first) would differ; undefined while it would not, which is always in records.
 */
function writtenOrder(
  mapping: Record<string, unknown>,
  key: string,
  keys: string[] | undefined,
): string[] | undefined {
  if (keys) keys.push(key);
  else if (isIntegerLike(key)) keys = [...Object.keys(mapping), key];
  return keys;
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
      giveUp();
    }
    return { value, spans: reader.spans, rootStart: first.at };
  } catch (error) {
    if (error !== GIVE_UP) throw error;
    if (stop) stop.at = reader.pos;
    return undefined;
  }
}
