/**
 * YAML text to a plain value tree, keeping where every value is written.
 *
 * The `yaml` package parses (YAML 1.2, core schema: `2019-08-30` stays text, never a `Date`);
 * this module then builds the value itself, so that it can refuse what a programme record never
 * needs and what could hurt: duplicate keys, `__proto__` and `constructor` keys (objects are
 * built without a prototype anyway), tags other than the core ones, aliases that expand into a
 * bomb, documents nested absurdly deep, several documents in one file.
 */
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Parser,
  visit,
  type Alias,
  type CST,
  type Document,
  type ErrorCode,
  type Node,
} from 'yaml';
import type { InputProblem } from '../base/errors.js';
import { humanPath, joinPointer, splitPointer } from '../base/pointer.js';
import { fastParse } from './fast-yaml.js';
import { newMapping } from './mapping.js';
import { SpanTable } from './spans.js';
import { DEFAULT_MAX_BYTES, exactPathLimit, MAX_DEPTH } from './limits.js';
import { sizeOverLimit } from './read.js';
import { LineIndex } from './text.js';

export { MAX_DEPTH } from './limits.js';

/** Keys refused everywhere: they name parts of JavaScript objects, not of a record. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Tags a record may use: those of the YAML core schema, each on the nodes it fits. The `yaml`
 * package keeps a core tag it could not apply, with only a warning: `!!int abc` stays the text
 * 'abc', `!!str [1]` a list.
 */
const CORE_TAGS = new Map<string, (node: Node) => boolean>([
  ['tag:yaml.org,2002:str', (node) => isScalar(node) && typeof node.value === 'string'],
  ['tag:yaml.org,2002:int', (node) => isScalar(node) && typeof node.value === 'number'],
  ['tag:yaml.org,2002:float', (node) => isScalar(node) && typeof node.value === 'number'],
  ['tag:yaml.org,2002:bool', (node) => isScalar(node) && typeof node.value === 'boolean'],
  ['tag:yaml.org,2002:null', (node) => isScalar(node) && node.value === null],
  ['tag:yaml.org,2002:map', isMap],
  ['tag:yaml.org,2002:seq', isSeq],
]);

/** The warnings of the `yaml` package about a tag it cannot apply: build() refuses those tags. */
const TAG_WARNINGS = new Set<ErrorCode>(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

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
type WrittenElsewhere = WeakMap<object, Map<string, readonly [start: number, end: number]>>;

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

export interface ParsedYaml {
  /** The value, when the text could be read into one; undefined after a fatal problem. */
  value: unknown;
  positions: SourcePositions;
  problems: InputProblem[];
}

/**
 * Reads YAML text into a plain value (objects without prototype, arrays, scalars). `maxBytes`
 * is the size limit the text was read within, of which the exact path takes a share
 * (exactPathLimit); `exact` skips the fast path.
 */
export function parseYaml(
  text: string,
  options: { exact?: boolean; maxBytes?: number } = {},
): ParsedYaml {
  const lines = new LineIndex(text);
  // Most records are plain YAML that the fast path reads whole; anything else, and every
  // problem, is for the exact path below.
  const stop = { at: 0 };
  const fast = options.exact ? undefined : fastParse(text, stop);
  if (fast)
    return {
      value: fast.value,
      positions: new SourcePositions(lines, fast.spans, fast.rootStart),
      problems: [],
    };
  const table = new SpanTable(text.length);
  const elsewhere: WrittenElsewhere = new WeakMap();
  const problems: InputProblem[] = [];
  const problem = (offset: number, message: string, pointer = ''): void => {
    problems.push({ message, ...lines.position(offset), pointer });
  };
  const fail = (rootStart = 0): ParsedYaml => ({
    value: undefined,
    positions: new SourcePositions(lines, table, rootStart, elsewhere),
    problems,
  });

  // The exact path takes several hundred bytes of memory per token: it reads a share of the
  // size limit only, and says where the fast path stopped, which is what makes the file need it.
  const limit = exactPathLimit(options.maxBytes ?? DEFAULT_MAX_BYTES);
  const bytes = text.length * 3 <= limit ? text.length : Buffer.byteLength(text);
  if (bytes > limit) {
    const shown = sizeOverLimit(bytes, limit);
    problem(
      stop.at,
      'from here on, the fast YAML reader cannot read the file (it reads plain YAML: no tabs, ' +
        'anchors, tags, block scalars or values over several lines, nor more than one value for ' +
        `8 characters), and the exact reader reads at most ${shown.limit} (a twentieth of ` +
        `--max-size): the file is ${shown.size}; write it as plain YAML, or raise --max-size`,
    );
    return fail();
  }

  const composed = compose(text);
  if ('deep' in composed) {
    for (const offset of composed.deep) {
      problem(offset, `the document is nested too deeply (more than ${MAX_DEPTH} levels)`);
    }
    return fail();
  }
  const { documents } = composed;
  const document = documents[0];
  if (!document || document.contents === null) {
    problem(0, 'the file holds no record (expected a programme record: a YAML mapping)');
    return fail();
  }
  if (documents.length > 1) {
    problem(
      documents[1]!.range[0],
      `the file holds ${documents.length} YAML documents (expected one programme record)`,
    );
  }
  // A tag the `yaml` package cannot apply is only a warning to it, in its own words and without
  // the field: build() refuses every tag a record does not use, in words, at the tag.
  const warnings = document.warnings.filter((warning) => !TAG_WARNINGS.has(warning.code));
  for (const error of [...document.errors, ...warnings]) {
    const message = error.message.split('\n')[0]!.replace(/\.$/, '');
    problem(error.pos[0], `YAML syntax: ${message}`);
  }
  if (problems.length > 0) return fail();

  const contents = document.contents as Node;
  if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    problem(
      contents.range?.[0] ?? 0,
      `the document is ${what} (expected a programme record: a YAML mapping)`,
    );
    return fail();
  }

  // Each alias stands for the last node anchored with its name before it, in document order:
  // found for all aliases in one walk (`Alias.resolve` walks the whole document for each one).
  const anchored = new Map<Alias, Node>();
  const latest = new Map<string, Node>();
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target) anchored.set(node, target);
      } else if (node.anchor) latest.set(node.anchor, node);
    },
  });

  /**
   * Where the text of an entry's value is, when the entry is placed elsewhere: an alias, or any
   * value under one, is placed at the alias but written at the anchored node. Undefined for the
   * common case, a value placed where it is written.
   */
  const writtenAt = (
    node: Node | null | undefined,
    aliasAt: number | undefined,
  ): readonly [number, number] | undefined => {
    if (!node || (aliasAt === undefined && !isAlias(node))) return undefined;
    const range = (isAlias(node) ? anchored.get(node) : node)?.range;
    return range ? [range[0], range[1]] : undefined;
  };

  /**
   * Refuses a node's tag, unless it is a core tag the node fits; says whether it refused it. Under
   * an alias, the problem is placed at the alias, as everything under it.
   */
  const refusedTag = (node: Node, pointer: string, aliasAt: number | undefined): boolean => {
    const tag = node.tag;
    if (tag === undefined || CORE_TAGS.get(tag)?.(node) === true) return false;
    const at = node.range?.[0] ?? 0;
    // The node starts after its tag: point at the tag itself, written just before.
    let bang = text.lastIndexOf('!', at);
    while (bang > 0 && text[bang - 1] === '!') bang--;
    const tagAt = bang >= 0 && !text.slice(bang, at).includes('\n') ? bang : at;
    const where = pointer === '' ? '' : `${humanPath(pointer)}: `;
    const why = CORE_TAGS.has(tag) ? 'does not fit this value' : 'is not used in programme records';
    problem(aliasAt ?? tagAt, `${where}the tag ${shortTag(tag)} ${why} (remove it)`, pointer);
    return true;
  };

  // An alias may be expanded as often as it is used; a record has no reason to make the tree
  // much larger than its text. Past this many values made by expanding aliases, they are refused
  // as a bomb: a quarter of the text's length keeps what they build within the exact path's
  // memory bound (see exactPathLimit).
  const budget = Math.max(100_000, Math.floor(text.length / 4));
  /** The values made under aliases so far. */
  let produced = 0;
  let exhausted = false;

  const build = (
    node: Node | null | undefined,
    pointer: string,
    depth: number,
    aliasAt?: number,
  ): unknown => {
    if (aliasAt !== undefined) produced++;
    if (produced > budget) {
      if (!exhausted) {
        problem(
          aliasAt ?? node?.range?.[0] ?? 0,
          `aliases expand the document beyond ${budget} values (an alias bomb?)`,
          pointer,
        );
        exhausted = true;
      }
      return null;
    }
    if (node === null || node === undefined) return null;
    const at = aliasAt ?? node.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) {
      problem(at, `the document is nested too deeply (more than ${MAX_DEPTH} levels)`, pointer);
      exhausted = true;
      return null;
    }
    if (isAlias(node)) {
      const target = anchored.get(node);
      if (!target) {
        problem(node.range?.[0] ?? 0, `unknown alias *${node.source}`, pointer);
        return null;
      }
      return build(target, pointer, depth + 1, aliasAt ?? node.range?.[0]);
    }
    if (refusedTag(node, pointer, aliasAt)) return null;
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      const items: unknown[] = [];
      const spans = new Int32Array(3 * node.items.length);
      let written: Map<string, readonly [number, number]> | undefined;
      node.items.forEach((item, index) => {
        const range = (item as Node | null)?.range ?? [at, at, at];
        spans[3 * index] = aliasAt ?? range[0];
        spans[3 * index + 1] = aliasAt ?? range[0];
        spans[3 * index + 2] = aliasAt ?? range[1];
        const source = writtenAt(item as Node | null, aliasAt);
        if (source) (written ??= new Map()).set(String(index), source);
        items.push(build(item as Node, joinPointer(pointer, index), depth + 1, aliasAt));
      });
      table.add(items, spans, items.length);
      if (written) elsewhere.set(items, written);
      return items;
    }
    if (isMap(node)) {
      const object = newMapping();
      const keys: string[] = [];
      const spans = new Int32Array(3 * node.items.length);
      let written: Map<string, readonly [number, number]> | undefined;
      const firstAt = new Map<string, number>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const keyAt = aliasAt ?? keyNode?.range?.[0] ?? at;
        if (keyNode !== null && !isScalar(keyNode)) {
          problem(keyAt, 'a key must be plain text, not a list or a mapping', pointer);
          continue;
        }
        const rawKey = keyNode === null ? null : keyNode.value;
        const key = rawKey === null ? '' : String(rawKey);
        const entryPointer = joinPointer(pointer, key);
        if (keyNode !== null && refusedTag(keyNode, entryPointer, aliasAt)) continue;
        const where = pointer === '' ? '' : `${humanPath(pointer)}: `;
        if (FORBIDDEN_KEYS.has(key)) {
          problem(keyAt, `${where}the key '${key}' is not allowed in a record`, entryPointer);
          continue;
        }
        const first = firstAt.get(key);
        if (first !== undefined) {
          problem(
            keyAt,
            `${where}duplicate key '${key}' (first written at line ${lines.position(first).line})`,
            entryPointer,
          );
          continue;
        }
        firstAt.set(key, keyAt);
        const valueNode = pair.value as Node | null;
        const valueRange = valueNode?.range ?? keyNode?.range ?? [keyAt, keyAt, keyAt];
        const index = keys.length;
        spans[3 * index] = keyAt;
        spans[3 * index + 1] = aliasAt ?? valueRange[0];
        spans[3 * index + 2] = aliasAt ?? valueRange[1];
        const source = writtenAt(valueNode, aliasAt);
        if (source) (written ??= new Map()).set(key, source);
        keys.push(key);
        object[key] = build(valueNode, entryPointer, depth + 1, aliasAt);
      }
      table.add(object, spans, keys.length, keys);
      if (written) elsewhere.set(object, written);
      return object;
    }
    problem(at, 'this value cannot be read', pointer);
    return null;
  };

  const value = build(contents, '', 0);
  const rootStart = contents.range?.[0] ?? 0;
  // After a bomb or an absurd depth the value is partial: nothing more can be said of it.
  // Other problems (a duplicate key, a refused tag) leave a value worth validating, so that
  // every error of the file is reported at once.
  if (exhausted) return fail(rootStart);
  return {
    value,
    positions: new SourcePositions(lines, table, rootStart, elsewhere),
    problems,
  };
}

/**
 * The documents of a text; or, for a text nested deeper than MAX_DEPTH, where it is.
 *
 * The parser keeps its own stack and reads any depth; the composer recurses once a level, and
 * past some hundreds of levels turns its own stack overflow into an error placed wherever the
 * stack ran out. So the depth is measured on the parser's tokens before anything is composed.
 * The tokens are dropped on return, before the value is built.
 */
function compose(text: string): { documents: Document.Parsed[] } | { deep: number[] } {
  const tokens = Array.from(new Parser().parse(text));
  const deep = tooDeep(tokens);
  if (deep.length > 0) return { deep };
  const composer = new Composer({ uniqueKeys: false, strict: true });
  return { documents: Array.from(composer.compose(tokens)) };
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * Where a document nests deeper than MAX_DEPTH, found in the parser's tokens without recursion:
 * the start of each collection at level MAX_DEPTH + 1, in text order. Levels are those build()
 * counts: the root is level 0, each value and key one level below its collection, and a pair
 * written in a flow sequence (`[a: 1]`) a mapping of its own.
 */
function tooDeep(tokens: readonly CST.Token[]): number[] {
  const deep: number[] = [];
  const pending: { token: CST.Token | null | undefined; level: number }[] = tokens.map((token) => ({
    token: token.type === 'document' ? token.value : undefined,
    level: 0,
  }));
  while (pending.length > 0) {
    const { token, level } = pending.pop()!;
    if (
      token?.type !== 'block-map' &&
      token?.type !== 'block-seq' &&
      token?.type !== 'flow-collection'
    ) {
      continue;
    }
    if (level > MAX_DEPTH) {
      deep.push(token.offset);
      continue;
    }
    const inFlowSequence =
      token.type === 'flow-collection' && token.start.type === 'flow-seq-start';
    for (const item of token.items as CST.CollectionItem[]) {
      let itemLevel = level + 1;
      if (inFlowSequence && (item.sep || item.start.some((t) => t.type === 'explicit-key-ind'))) {
        // The composer makes the pair a mapping, placed at its key (an empty key: at its `:`).
        if (itemLevel > MAX_DEPTH) {
          const colon = item.sep?.find((t) => t.type === 'map-value-ind');
          const last = item.start[item.start.length - 1];
          deep.push(
            item.key?.offset ?? colon?.offset ?? (last ? last.offset + last.source.length : 0),
          );
          continue;
        }
        itemLevel++;
      }
      pending.push({ token: item.key, level: itemLevel }, { token: item.value, level: itemLevel });
    }
  }
  return deep.sort((a, b) => a - b);
}
