/**
 * Where the values of a parsed tree are written in its text.
 *
 * Both readers (./fast.ts and ./exact.ts) fill a span table: for each mapping and sequence, the
 * offsets of each entry (where it starts, where its value starts, where it ends), in one shared
 * buffer. A record of 10 MB has about a million entries in half a million containers; one small
 * typed array per container cost more memory than the values themselves, one buffer costs 12
 * bytes an entry. A mapping's keys are its own keys in order, except where JavaScript reorders
 * them (integer-like keys come first): only then is the written order kept.
 *
 * SourcePositions answers, over that table, where a pointer is written.
 */
import { joinPointer, splitPointer } from '../../base/pointer.js';
import type { LineIndex } from '../text.js';

export interface EntrySpan {
  /** The entry's start: its key in a mapping, its value in a sequence. */
  start: number;
  valueStart: number;
  end: number;
}

const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;

/** Whether a key is one JavaScript puts before the others in an object (`0`, `12`, not `012`). */
export function isIntegerLike(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && INTEGER_LIKE.test(key);
}

/**
 * Where a container's triples begin in its table's buffer: a property of the container itself,
 * under a symbol no other code knows, and not enumerable (JSON, spreads, Object.keys and deep
 * equality do not see it). A WeakMap of half a million containers cost some 6 MiB more at the
 * peak of a 9 MB record, and a tenth of its time. A container belongs to the one tree, and so
 * the one table, that its reader built: only containers reached from that tree's root are looked
 * up, and a copy of a container (which does not carry the property) is not in any table.
 */
const FIRST = Symbol('clausier.spanTable.first');

type Spanned = { [FIRST]?: number };

export class SpanTable {
  private data: Int32Array;
  private used = 0;
  /** The keys in written order, for the mappings whose own key order differs. */
  private readonly written = new WeakMap<object, readonly string[]>();
  /** The keys' positions of the large mappings looked into (see indexOf). */
  private readonly indexes = new WeakMap<object, Map<string, number>>();

  /**
   * `textLength` sizes the buffer: records hold about one offset per 5 to 6 characters, so one
   * per 5 rarely needs to grow and wastes little.
   */
  constructor(textLength = 0) {
    this.data = new Int32Array(Math.max(3 * 256, Math.ceil(textLength / 5)));
  }

  /**
   * Records a container's entries: `spans` holds, from `from`, `count` triples (start, value
   * start, end), one per entry in written order; `keys` are a mapping's keys in the same order.
   */
  add(
    container: object,
    spans: ArrayLike<number>,
    count: number,
    keys?: readonly string[],
    from = 0,
  ): void {
    const size = 3 * count;
    if (this.used + size > this.data.length) {
      let length = Math.ceil(this.data.length * 1.5);
      while (length < this.used + size) length = Math.ceil(length * 1.5);
      const grown = new Int32Array(length);
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    for (let i = 0; i < size; i++) this.data[this.used + i] = spans[from + i]!;
    Object.defineProperty(container, FIRST, { value: this.used, writable: true });
    this.used += size;
    if (keys?.some(isIntegerLike)) this.written.set(container, keys);
  }

  /** The keys of a known container in written order (indexes for a sequence). */
  keys(container: object): readonly string[] {
    return (
      this.written.get(container) ??
      (Array.isArray(container) ? container.map((_, i) => String(i)) : Object.keys(container))
    );
  }

  /** The span of one entry of a known container, or undefined if it has no such entry. */
  entry(container: object, segment: string): EntrySpan | undefined {
    const base = (container as Spanned)[FIRST];
    if (base === undefined) return undefined;
    let index: number;
    if (Array.isArray(container)) {
      index = INTEGER_LIKE.test(segment) ? Number(segment) : -1;
      if (index >= container.length) index = -1;
    } else index = this.indexOf(container, segment);
    if (index < 0) return undefined;
    return this.at(base, index);
  }

  /**
   * The position of a key in a mapping. A large mapping (a pack's parameters, a record with many
   * problems to locate) gets an index on its first lookup, so that locating every key of it is
   * not quadratic.
   */
  private indexOf(container: object, key: string): number {
    let index = this.indexes.get(container);
    if (!index) {
      const keys = this.keys(container);
      if (keys.length <= 16) return keys.indexOf(key);
      index = new Map(keys.map((k, i) => [k, i]));
      this.indexes.set(container, index);
    }
    return index.get(key) ?? -1;
  }

  /** The span of each entry of a known container, in written order. */
  entries(container: object): { key: string; span: EntrySpan }[] {
    const base = (container as Spanned)[FIRST];
    if (base === undefined) return [];
    return this.keys(container).map((key, index) => ({ key, span: this.at(base, index) }));
  }

  private at(base: number, index: number): EntrySpan {
    const i = base + 3 * index;
    return { start: this.data[i]!, valueStart: this.data[i + 1]!, end: this.data[i + 2]! };
  }
}

export interface SourceLocation {
  /** The pointer asked for. */
  pointer: string;
  line: number;
  column: number;
  /** The longest prefix of the pointer that exists in the file: where the location points. */
  found: string;
}

/**
 * Where the values of entries under an alias are written, by container and key (or index).
 *
 * Such an entry is placed at the alias, where the record uses it, but its text (what amounts are
 * read from, digit by digit) is that of the anchored value. Only entries under aliases are kept
 * here: the common path stays one triple per entry in the span table.
 */
export type WrittenElsewhere = WeakMap<object, Map<string, readonly [start: number, end: number]>>;

/** Where each value of a tree is written in its text. */
export class SourcePositions {
  constructor(
    readonly lines: LineIndex,
    private readonly spans: SpanTable,
    private readonly rootStart: number,
    private readonly elsewhere?: WrittenElsewhere,
  ) {}

  /** The text of the file. */
  get text(): string {
    return this.lines.text;
  }

  /**
   * Finds where a pointer is written: a mapping entry at its key, a sequence item at its value.
   * A pointer that does not exist (a missing field) is located at its nearest existing parent.
   */
  locate(root: unknown, pointer: string): SourceLocation {
    const span = this.span(root, pointer);
    return { pointer, ...this.lines.position(span.start), found: span.found };
  }

  /**
   * The offsets of a pointer's entry: where it starts (its key, if any) and where its value ends;
   * `written`, for an entry under an alias, where its value's text is (at the anchor).
   */
  span(
    root: unknown,
    pointer: string,
  ): {
    start: number;
    valueStart: number;
    end: number;
    found: string;
    written?: readonly [start: number, end: number];
  } {
    let node = root;
    let found = '';
    let start = this.rootStart;
    let valueStart = this.rootStart;
    let end = this.lines.text.length;
    let written: readonly [number, number] | undefined;
    for (const segment of splitPointer(pointer)) {
      if (node === null || typeof node !== 'object') break;
      const entry = this.spans.entry(node, segment);
      if (!entry) break;
      ({ start, valueStart, end } = entry);
      written = this.elsewhere?.get(node)?.get(segment);
      found = joinPointer(found, segment);
      node = (node as Record<string, unknown>)[segment];
    }
    return written ? { start, valueStart, end, found, written } : { start, valueStart, end, found };
  }

  /**
   * Where a problem about a pointer is shown: at its key for a problem with the key (or for a
   * pointer that does not exist: at its nearest parent), else at its value.
   */
  place(root: unknown, pointer: string, atKey = false): { line: number; column: number } {
    const span = this.span(root, pointer);
    return this.lines.position(atKey || span.found !== pointer ? span.start : span.valueStart);
  }

  /**
   * Every entry of the tree with where it is written, depth first: what the fast and the exact
   * paths must agree on (test/fast-yaml.test.ts).
   */
  entries(
    root: unknown,
  ): { pointer: string; start: number; valueStart: number; end: number; leaf: boolean }[] {
    const out: {
      pointer: string;
      start: number;
      valueStart: number;
      end: number;
      leaf: boolean;
    }[] = [];
    const visit = (node: unknown, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      for (const { key, span } of this.spans.entries(node)) {
        const child = (node as Record<string, unknown>)[key];
        const at = joinPointer(pointer, key);
        out.push({ pointer: at, ...span, leaf: child === null || typeof child !== 'object' });
        visit(child, at);
      }
    };
    visit(root, '');
    return out;
  }

  /**
   * The source text of an entry's value, by its container and key (or index): what sourceText
   * gives for its pointer, without a walk from the root.
   */
  valueText(container: object, key: string): string | undefined {
    const entry = this.spans.entry(container, key);
    if (!entry) return undefined;
    const [from, to] = this.elsewhere?.get(container)?.get(key) ?? [entry.valueStart, entry.end];
    return this.lines.text.slice(from, to);
  }

  /**
   * The source text of the value at a pointer, as written (quotes included); for a value under an
   * alias, the text of the anchored value.
   */
  sourceText(root: unknown, pointer: string): string | undefined {
    const span = this.span(root, pointer);
    if (span.found !== pointer) return undefined;
    const [from, to] = span.written ?? [span.valueStart, span.end];
    return this.lines.text.slice(from, to);
  }
}
