/**
 * Where the entries of a parsed tree are written: for each mapping and sequence, the offsets of
 * each entry (where it starts, where its value starts, where it ends), in one shared buffer.
 *
 * A record of 10 MB has about a million entries in half a million containers; one small typed
 * array per container cost more memory than the values themselves, one buffer costs 12 bytes
 * an entry. A mapping's keys are its own keys in order, except where JavaScript reorders them
 * (integer-like keys come first): only then is the written order kept.
 */

export interface EntrySpan {
  /** The entry's start: its key in a mapping, its value in a sequence. */
  start: number;
  valueStart: number;
  end: number;
}

const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;

export class SpanTable {
  private data: Int32Array;
  private used = 0;
  /** Where each container's triples begin in `data`. */
  private readonly first = new WeakMap<object, number>();
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
   * Records a container's entries: `spans` holds `count` triples (start, value start, end), one
   * per entry in written order; `keys` are a mapping's keys in the same order.
   */
  add(container: object, spans: ArrayLike<number>, count: number, keys?: readonly string[]): void {
    const size = 3 * count;
    if (this.used + size > this.data.length) {
      let length = Math.ceil(this.data.length * 1.5);
      while (length < this.used + size) length = Math.ceil(length * 1.5);
      const grown = new Int32Array(length);
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    for (let i = 0; i < size; i++) this.data[this.used + i] = spans[i]!;
    this.first.set(container, this.used);
    this.used += size;
    if (keys?.some((key) => INTEGER_LIKE.test(key))) this.written.set(container, keys);
  }

  /** Whether the table knows a container. */
  has(container: object): boolean {
    return this.first.has(container);
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
    const base = this.first.get(container);
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
    const base = this.first.get(container);
    if (base === undefined) return [];
    return this.keys(container).map((key, index) => ({ key, span: this.at(base, index) }));
  }

  private at(base: number, index: number): EntrySpan {
    const i = base + 3 * index;
    return { start: this.data[i]!, valueStart: this.data[i + 1]!, end: this.data[i + 2]! };
  }
}
