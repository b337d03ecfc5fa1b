/**
 * The exact path: YAML text to a plain value tree, keeping where every value is written, for
 * the records the fast path (./fast.ts) gives up on, with every problem in words.
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
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { InputProblem } from '../../base/errors.js';
import { humanPath, joinPointer } from '../../base/pointer.js';
import { exactPathLimit, MAX_DEPTH } from '../limits.js';
import { sizeOverLimit } from '../read.js';
import type { LineIndex } from '../text.js';
import { FORBIDDEN_KEYS, newMapping } from './mapping.js';
import { SourcePositions, SpanTable, type WrittenElsewhere } from './positions.js';

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

export interface ParsedYaml {
  /** The value, when the text could be read into one; undefined after a fatal problem. */
  value: unknown;
  positions: SourcePositions;
  problems: InputProblem[];
}

/**
 * Reads YAML text on the exact path, within its share of the size limit `maxBytes`
 * (exactPathLimit). `stoppedAt` is where the fast path stopped: what makes the file need this
 * path.
 */
export function parseExact(
  text: string,
  lines: LineIndex,
  maxBytes: number,
  stoppedAt: number,
): ParsedYaml {
  return new ExactReader(text, lines).read(maxBytes, stoppedAt);
}

/** Where a value's text is: its start and end offsets. */
type Written = readonly [start: number, end: number];

/** One reading of a text on the exact path. */
class ExactReader {
  private readonly table: SpanTable;
  private readonly elsewhere: WrittenElsewhere = new WeakMap();
  private readonly problems: InputProblem[] = [];
  /** The node each alias stands for (see anchorsOf). */
  private anchored = new Map<Alias, Node>();
  /**
   * An alias may be expanded as often as it is used; a record has no reason to make the tree
   * much larger than its text. Past this many values made by expanding aliases, they are refused
   * as a bomb: a quarter of the text's length keeps what they build within the exact path's
   * memory bound (see exactPathLimit).
   */
  private readonly budget: number;
  /** The values made under aliases so far. */
  private produced = 0;
  /** Whether the value is partial: after a bomb or an absurd depth, nothing more can be said. */
  private exhausted = false;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.table = new SpanTable(text.length);
    this.budget = Math.max(100_000, Math.floor(text.length / 4));
  }

  read(maxBytes: number, stoppedAt: number): ParsedYaml {
    if (this.overLimit(maxBytes, stoppedAt)) return this.fail();
    const document = this.document();
    if (!document) return this.fail();
    this.anchored = anchorsOf(document);
    const contents = document.contents as Node;
    const value = this.build(contents, '', 0);
    const rootStart = contents.range?.[0] ?? 0;
    // After a bomb or an absurd depth the value is partial: nothing more can be said of it.
    // Other problems (a duplicate key, a refused tag) leave a value worth validating, so that
    // every error of the file is reported at once.
    if (this.exhausted) return this.fail(rootStart);
    return { value, positions: this.positions(rootStart), problems: this.problems };
  }

  private problem(offset: number, message: string, pointer = ''): void {
    this.problems.push({ message, ...this.lines.position(offset), pointer });
  }

  private positions(rootStart: number): SourcePositions {
    return new SourcePositions(this.lines, this.table, rootStart, this.elsewhere);
  }

  private fail(rootStart = 0): ParsedYaml {
    return { value: undefined, positions: this.positions(rootStart), problems: this.problems };
  }

  /**
   * The exact path takes several hundred bytes of memory per token: it reads a share of the
   * size limit only, and says where the fast path stopped, which is what makes the file need it.
   */
  private overLimit(maxBytes: number, stoppedAt: number): boolean {
    const text = this.text;
    const limit = exactPathLimit(maxBytes);
    const bytes = text.length * 3 <= limit ? text.length : Buffer.byteLength(text);
    if (bytes <= limit) return false;
    const shown = sizeOverLimit(bytes, limit);
    this.problem(
      stoppedAt,
      'from here on, the fast YAML reader cannot read the file (it reads plain YAML: no tabs, ' +
        'anchors, tags, block scalars or values over several lines, nor more than one value for ' +
        `8 characters), and the exact reader reads at most ${shown.limit} (a twentieth of ` +
        `--max-size): the file is ${shown.size}; write it as plain YAML, or raise --max-size`,
    );
    return true;
  }

  /** The one document of the text, holding a mapping; undefined after a fatal problem. */
  private document(): Document.Parsed | undefined {
    const composed = compose(this.text);
    if ('deep' in composed) {
      for (const offset of composed.deep) {
        this.problem(offset, `the document is nested too deeply (more than ${MAX_DEPTH} levels)`);
      }
      return undefined;
    }
    const { documents } = composed;
    const document = documents[0];
    if (!document || document.contents === null) {
      this.problem(0, 'the file holds no record (expected a programme record: a YAML mapping)');
      return undefined;
    }
    if (documents.length > 1) {
      this.problem(
        documents[1]!.range[0],
        `the file holds ${documents.length} YAML documents (expected one programme record)`,
      );
    }
    // `%YAML 1.1` would have the `yaml` package read the record by YAML 1.1's rules: its dates
    // become timestamps and `<<` a merge, which a record written for YAML 1.2 never means. Said
    // once, at the directive, rather than as a wrong type at every date.
    const version = document.directives?.yaml;
    if (version?.explicit === true && version.version !== '1.2') {
      const at = this.text.search(/^%YAML\b/m);
      this.problem(
        Math.max(at, 0),
        `%YAML ${version.version}: records are YAML 1.2, whose dates, numbers and keys YAML ` +
          `${version.version} reads otherwise (expected no %YAML directive, or %YAML 1.2)`,
      );
      return undefined;
    }
    // A tag the `yaml` package cannot apply is only a warning to it, in its own words and without
    // the field: build() refuses every tag a record does not use, in words, at the tag.
    const warnings = document.warnings.filter((warning) => !TAG_WARNINGS.has(warning.code));
    for (const error of [...document.errors, ...warnings]) {
      const message = error.message.split('\n')[0]!.replace(/\.$/, '');
      this.problem(error.pos[0], `YAML syntax: ${message}`);
    }
    if (this.problems.length > 0) return undefined;

    const contents = document.contents as Node;
    if (!isMap(contents)) {
      const what = isSeq(contents) ? 'a list' : 'a single value';
      this.problem(
        contents.range?.[0] ?? 0,
        `the document is ${what} (expected a programme record: a YAML mapping)`,
      );
      return undefined;
    }
    return document;
  }

  /**
   * Where the text of an entry's value is, when the entry is placed elsewhere: an alias, or any
   * value under one, is placed at the alias but written at the anchored node. Undefined for the
   * common case, a value placed where it is written.
   */
  private writtenAt(
    node: Node | null | undefined,
    aliasAt: number | undefined,
  ): Written | undefined {
    if (!node || (aliasAt === undefined && !isAlias(node))) return undefined;
    const range = (isAlias(node) ? this.anchored.get(node) : node)?.range;
    return range ? [range[0], range[1]] : undefined;
  }

  /**
   * Refuses a node's tag, unless it is a core tag the node fits; says whether it refused it. Under
   * an alias, the problem is placed at the alias, as everything under it.
   */
  private refusedTag(node: Node, pointer: string, aliasAt: number | undefined): boolean {
    const tag = node.tag;
    if (tag === undefined || CORE_TAGS.get(tag)?.(node) === true) return false;
    const text = this.text;
    const at = node.range?.[0] ?? 0;
    // The node starts after its tag: point at the tag itself, written just before.
    let bang = text.lastIndexOf('!', at);
    while (bang > 0 && text[bang - 1] === '!') bang--;
    const tagAt = bang >= 0 && !text.slice(bang, at).includes('\n') ? bang : at;
    const where = pointer === '' ? '' : `${humanPath(pointer)}: `;
    const why = CORE_TAGS.has(tag) ? 'does not fit this value' : 'is not used in programme records';
    this.problem(aliasAt ?? tagAt, `${where}the tag ${shortTag(tag)} ${why} (remove it)`, pointer);
    return true;
  }

  /** The value of a node at a pointer, `depth` levels down; `aliasAt`, under an alias, is where it is. */
  private build(
    node: Node | null | undefined,
    pointer: string,
    depth: number,
    aliasAt?: number,
  ): unknown {
    if (aliasAt !== undefined) this.produced++;
    if (this.produced > this.budget) {
      if (!this.exhausted) {
        this.problem(
          aliasAt ?? node?.range?.[0] ?? 0,
          `aliases expand the document beyond ${this.budget} values (an alias bomb?)`,
          pointer,
        );
        this.exhausted = true;
      }
      return null;
    }
    if (node === null || node === undefined) return null;
    const at = aliasAt ?? node.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) {
      this.problem(
        at,
        `the document is nested too deeply (more than ${MAX_DEPTH} levels)`,
        pointer,
      );
      this.exhausted = true;
      return null;
    }
    if (isAlias(node)) {
      const target = this.anchored.get(node);
      if (!target) {
        this.problem(node.range?.[0] ?? 0, `unknown alias *${node.source}`, pointer);
        return null;
      }
      return this.build(target, pointer, depth + 1, aliasAt ?? node.range?.[0]);
    }
    if (this.refusedTag(node, pointer, aliasAt)) return null;
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return this.sequence(node, pointer, depth, at, aliasAt);
    if (isMap(node)) return this.mapping(node, pointer, depth, at, aliasAt);
    this.problem(at, 'this value cannot be read', pointer);
    return null;
  }

  private sequence(
    node: YAMLSeq,
    pointer: string,
    depth: number,
    at: number,
    aliasAt: number | undefined,
  ): unknown[] {
    const items: unknown[] = [];
    const spans = new Int32Array(3 * node.items.length);
    let written: Map<string, Written> | undefined;
    node.items.forEach((item, index) => {
      const range = (item as Node | null)?.range ?? [at, at, at];
      spans[3 * index] = aliasAt ?? range[0];
      spans[3 * index + 1] = aliasAt ?? range[0];
      spans[3 * index + 2] = aliasAt ?? range[1];
      const source = this.writtenAt(item as Node | null, aliasAt);
      if (source) (written ??= new Map()).set(String(index), source);
      items.push(this.build(item as Node, joinPointer(pointer, index), depth + 1, aliasAt));
    });
    this.table.add(items, spans, items.length);
    if (written) this.elsewhere.set(items, written);
    return items;
  }

  private mapping(
    node: YAMLMap,
    pointer: string,
    depth: number,
    at: number,
    aliasAt: number | undefined,
  ): Record<string, unknown> {
    const object = newMapping();
    const keys: string[] = [];
    const spans = new Int32Array(3 * node.items.length);
    let written: Map<string, Written> | undefined;
    const firstAt = new Map<string, number>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keyAt = aliasAt ?? keyNode?.range?.[0] ?? at;
      const key = this.acceptedKey(pair, pointer, keyAt, aliasAt, firstAt);
      if (key === undefined) continue;
      const valueNode = pair.value as Node | null;
      const valueRange = valueNode?.range ?? keyNode?.range ?? [keyAt, keyAt, keyAt];
      const index = keys.length;
      spans[3 * index] = keyAt;
      spans[3 * index + 1] = aliasAt ?? valueRange[0];
      spans[3 * index + 2] = aliasAt ?? valueRange[1];
      const source = this.writtenAt(valueNode, aliasAt);
      if (source) (written ??= new Map()).set(key, source);
      keys.push(key);
      object[key] = this.build(valueNode, joinPointer(pointer, key), depth + 1, aliasAt);
    }
    this.table.add(object, spans, keys.length, keys);
    if (written) this.elsewhere.set(object, written);
    return object;
  }

  /**
   * The key of a pair of a mapping at `pointer`, or undefined for a key refused (a list or a
   * mapping as key, a refused tag, a forbidden or duplicate key), with its problem said.
   * `firstAt` holds where each key of the mapping was first written.
   */
  private acceptedKey(
    pair: Pair,
    pointer: string,
    keyAt: number,
    aliasAt: number | undefined,
    firstAt: Map<string, number>,
  ): string | undefined {
    const keyNode = pair.key as Node | null;
    if (keyNode !== null && !isScalar(keyNode)) {
      this.problem(keyAt, 'a key must be plain text, not a list or a mapping', pointer);
      return undefined;
    }
    const rawKey = keyNode === null ? null : keyNode.value;
    const key = rawKey === null ? '' : String(rawKey);
    const entryPointer = joinPointer(pointer, key);
    if (keyNode !== null && this.refusedTag(keyNode, entryPointer, aliasAt)) return undefined;
    const where = pointer === '' ? '' : `${humanPath(pointer)}: `;
    if (FORBIDDEN_KEYS.has(key)) {
      this.problem(keyAt, `${where}the key '${key}' is not allowed in a record`, entryPointer);
      return undefined;
    }
    const first = firstAt.get(key);
    if (first !== undefined) {
      this.problem(
        keyAt,
        `${where}duplicate key '${key}' (first written at line ${this.lines.position(first).line})`,
        entryPointer,
      );
      return undefined;
    }
    firstAt.set(key, keyAt);
    return key;
  }
}

/**
 * The node each alias stands for: the last node anchored with its name before it, in document
 * order, found for all aliases in one walk (`Alias.resolve` walks the whole document for each
 * one).
 */
function anchorsOf(document: Document.Parsed): Map<Alias, Node> {
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
  return anchored;
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
