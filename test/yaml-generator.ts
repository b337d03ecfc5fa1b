/**
 * A seeded generator of record-shaped YAML, for the differential tests of the two YAML paths
 * (test/differential.test.ts). It writes what records are made of — block mappings and
 * sequences, flow collections, plain and quoted scalars, comments — in every style a person or a
 * tool may use, and then the things at the edge of what the fast path reads: byte-order marks
 * anywhere, CRLF, tabs, anchors and aliases, tags, block and multi-line scalars, long keys,
 * indicators where a value starts, flow collections closed at every indentation, a file without
 * its last line end, and small random edits of all that. Most documents stay plain enough for the
 * fast path to read; the rest probe where it must give up.
 */
import { random } from '../bench/generate.mjs';

/** A source of choices, from one seed. */
class Choices {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = random(seed);
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Keys of programme records, and a few others. */
const KEYS = [
  'id',
  'programme',
  'collectivite',
  'asOf',
  'template',
  'signed',
  'start',
  'end',
  'amount',
  'date',
  'payments',
  'expenses',
  'refunds',
  'projects',
  'intrapreneurs',
  'release',
  'sessions',
  'reports',
  'by',
  'label',
  'category',
  'weeks',
  'notice',
  'name',
  'email',
  'rib',
  'iban',
  'note',
];

/** Keys that are not plain words: what a key may also look like. */
const ODD_KEYS = [
  '2019',
  '1.50',
  'true',
  'null',
  '~',
  '0x1F',
  'key with spaces',
  'a#b',
  'a:b',
  'é',
  'clé',
  '😀',
  '-a',
  '?a',
  ':a',
  '.5',
  '-',
  '<<',
  '__proto__',
  'constructor',
  'a\u00a0b',
  'a\u2028b',
  'a ',
];

/** Plain scalars: the values of records, and every indicator a value may start with. */
const PLAIN = [
  '12000.00',
  '12000',
  '0',
  '-0',
  '+5',
  '.5',
  '5.',
  '1e3',
  '1E-2',
  '0x1F',
  '0o17',
  '0b1',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  '.NaN',
  'nan',
  '2019-08-30',
  '2019-02-30',
  '2019-W42',
  '2019-08-30T10:00:00Z',
  '12:30',
  'true',
  'False',
  'TRUE',
  'tRue',
  'yes',
  'no',
  'null',
  'Null',
  'NULL',
  '~',
  'Les Lilas',
  'Ville des Lilas',
  'dinsic',
  'collectivité',
  'a b  c',
  'x:y',
  'x::y',
  'x#y',
  'http://example.org/a#b',
  'a,b',
  'a]b',
  'a}b',
  'a[b',
  'a{b',
  "it's",
  'say "hi"',
  '\\n',
  '😀',
  'a\u00a0b',
  'a\u2028b',
  'a\u0085b',
  'a\u007fb',
  'a\u0001b',
  '-',
  '- x',
  '--',
  '-x',
  '?',
  '? x',
  '?x',
  ':',
  ': x',
  ':x',
  'x:',
  'x: y',
  '#x',
  '@x',
  '`x',
  '%x',
  '!x',
  '&x',
  '*x',
  '|',
  '>',
  ',x',
  ']x',
  '}x',
  '[x',
  '{x',
  '"x',
  "'x",
  '<<',
  '---',
  '...',
  'x ...',
];

/** The inside of a double-quoted scalar: text and escapes, valid or not. */
const DOUBLE_PARTS = [
  'text',
  ' ',
  '#',
  ': ',
  "'",
  '\\"',
  '\\\\',
  '\\/',
  '\\n',
  '\\t',
  '\\r',
  '\\0',
  '\\ ',
  '\\u00e9',
  '\\u00E9',
  '\\uD83D\\uDE00',
  '\\x41',
  '\\U0001F600',
  '\\N',
  '\\_',
  '\\L',
  '\\P',
  '\\e',
  '\\a',
  '\\b',
  '\\v',
  '\\f',
  '\\q',
  '\\u12',
  '\\\t',
  'é',
  '\u00a0',
  '\ufeff',
  '\u0085',
];

/** The inside of a single-quoted scalar. */
const SINGLE_PARTS = ['text', ' ', "''", '#', ': ', '"', '\\', 'é', '\\n', '\ufeff'];

/** Characters of words made at random: letters, digits, and everything YAML gives a meaning to. */
const ALPHABET = [
  ...'ab09 .-+_:#,[]{}&*!|>\'"%@`?~\\/=<é😀',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\u007f',
];

/** A short run of random characters. */
function word(c: Choices): string {
  let out = '';
  const length = c.int(1, 6);
  for (let i = 0; i < length; i++) out += c.pick(ALPHABET);
  return out;
}

/** Snippets a small edit inserts. */
const SNIPPETS = [
  '\ufeff',
  '\ufeff\ufeff',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\n  ',
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  ',',
  '[',
  ']',
  '{',
  '}',
  '?',
  '? ',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  '%',
  '@',
  '`',
  '\\',
  '---',
  '...',
  '\u0085',
  '\u2028',
  '\u00a0',
  'é',
];

interface Context {
  c: Choices;
  /** How deep the value being written is. */
  depth: number;
  /** Anchors defined so far. */
  anchors: string[];
  /** How often to write an edge case, from 0 (plain records) to 1. */
  odd: number;
}

function doubleQuoted(c: Choices, odd: number): string {
  let body = '';
  const parts = c.int(0, 4);
  for (let i = 0; i < parts; i++) body += c.chance(odd) ? c.pick(DOUBLE_PARTS) : 'text';
  return `"${body}"`;
}

function singleQuoted(c: Choices, odd: number): string {
  let body = '';
  const parts = c.int(0, 4);
  for (let i = 0; i < parts; i++) body += c.chance(odd) ? c.pick(SINGLE_PARTS) : 'text';
  return `'${body}'`;
}

/**
 * A key as written, with what follows it up to its value (`: `, `:`, `  : `...); `used` holds
 * the keys of its mapping, which an odd document sometimes repeats.
 */
function key(ctx: Context, flow: boolean, used: Set<string>): string {
  const { c, odd } = ctx;
  let text: string;
  if (c.chance(odd * 0.05) && used.size > 0) text = c.pick([...used]);
  else if (c.chance(odd * 0.03)) {
    // Long keys, around the 1,024 characters an implicit key may span.
    const length = c.pick([1000, 1020, 1021, 1022, 1023, 1024, 1025, 1026, 1030, 2000]);
    text = 'k'.repeat(length);
  } else if (c.chance(odd * 0.1)) text = word(c);
  else if (c.chance(odd * 0.3)) text = c.pick(ODD_KEYS);
  else text = c.pick(KEYS) + (c.chance(0.3) ? String(c.int(0, 99)) : '');
  if (used.has(text) && !c.chance(odd)) text += String(used.size);
  used.add(text);
  const quoting = c.chance(odd * 0.3) ? c.int(1, 2) : 0;
  if (quoting === 1) text = `"${text.replace(/["\\]/g, '\\$&')}"`;
  else if (quoting === 2) text = `'${text.replace(/'/g, "''")}'`;
  let colon = ': ';
  if (c.chance(odd * 0.2))
    colon = c.pick([':', ' :', '  : ', ':  ', ': ', ':\u00a0', flow ? ':' : ': ']);
  return text + colon;
}

/** A scalar as written on one line (or, rarely, more). */
function scalar(ctx: Context, indent: number, flow: boolean): string {
  const { c, odd } = ctx;
  const kind = c.chance(odd) ? c.int(0, 13) : c.int(0, 2);
  switch (kind) {
    case 0:
    case 1:
      return c.pick(PLAIN.slice(0, 40));
    case 2:
      return c.chance(0.5) ? doubleQuoted(c, odd) : singleQuoted(c, odd);
    case 3:
    case 4:
      return c.pick(PLAIN);
    case 5: {
      const name = `a${c.int(0, 3)}`;
      ctx.anchors.push(name);
      return `&${name} ${c.pick(PLAIN.slice(0, 30))}`;
    }
    case 6:
      return `*${ctx.anchors.length > 0 && c.chance(0.8) ? c.pick(ctx.anchors) : 'nowhere'}`;
    case 7:
      return `${c.pick(['!!str', '!!int', '!!float', '!!bool', '!!null', '!custom', '!!binary'])} ${c.pick(PLAIN.slice(0, 30))}`;
    case 8: {
      if (flow) return c.pick(PLAIN);
      const pad = ' '.repeat(indent + c.int(1, 3));
      return `${c.pick(['|', '>', '|-', '>+', '|2'])}\n${pad}line one\n${pad}line two`;
    }
    case 9: {
      // A scalar continued on the next line, more or less indented.
      const pad = ' '.repeat(Math.max(0, indent + c.int(-1, 3)));
      const first = c.pick(['one', '"one', "'one", 'one #c']);
      const close = first.startsWith('"') ? '"' : first.startsWith("'") ? "'" : '';
      return `${first}\n${pad}two${close}`;
    }
    case 10:
      return doubleQuoted(c, 1);
    case 11:
      return singleQuoted(c, 1);
    case 12:
      return word(c);
    default:
      return c.pick(PLAIN) + c.pick(['', ' ', '  ', ' #c', '#c', ' # c']);
  }
}

/** A flow collection, on one line or several; `indent` is that of the block that holds it. */
function flowCollection(ctx: Context, indent: number, outermost: boolean): string {
  const { c, odd } = ctx;
  const mapping = c.chance(0.5);
  const [open, close] = mapping ? ['{', '}'] : ['[', ']'];
  const count = c.chance(0.1) ? 0 : c.int(1, 4);
  const multiline = c.chance(0.3);
  const items: string[] = [];
  const used = new Set<string>();
  ctx.depth++;
  for (let i = 0; i < count; i++) {
    let value: string;
    if (ctx.depth < 4 && c.chance(0.15)) value = flowCollection(ctx, indent, false);
    else value = scalar(ctx, indent, true);
    if (mapping) {
      if (c.chance(odd * 0.1)) items.push(value);
      else items.push(key(ctx, true, used) + value);
    } else if (c.chance(odd * 0.05)) items.push(key(ctx, true, new Set()) + value);
    else items.push(value);
  }
  ctx.depth--;
  // Lines inside a flow collection are indented more than the block that holds it; an odd
  // document also tries less.
  const more = (): number => (c.chance(odd * 0.2) ? c.pick([2, 1, 0, -1, 3]) : 2);
  const separator = (): string => {
    if (!multiline) return c.chance(odd * 0.2) ? c.pick([',', ' ,', ',  ']) + ' ' : ', ';
    const comment = c.chance(odd * 0.2) ? c.pick([' # c', '# c', '']) : '';
    return `,${comment}\n${' '.repeat(Math.max(0, indent + more()))}`;
  };
  let body = items.join('\u0000');
  body = body.split('\u0000').reduce((all, item, i) => (i === 0 ? item : all + separator() + item));
  if (c.chance(odd * 0.1) && items.length > 0) body += ',';
  if (!multiline) return `${open}${c.chance(0.2) ? ' ' : ''}${body}${close}`;
  const inner = ' '.repeat(Math.max(0, indent + more()));
  // The `yaml` package lets the outermost collection close at its block's indentation, not the
  // ones inside it.
  const shift = c.chance(odd * 0.3) ? c.pick([0, 1, 2, -1]) : outermost ? c.pick([0, 2]) : 2;
  const closing = ' '.repeat(Math.max(0, indent + shift));
  return `${open}\n${inner}${body}\n${closing}${close}`;
}

/** The value of an entry written after `key:` or `- ` at `indent`: on its line, or the lines below. */
function value(ctx: Context, indent: number): string {
  const { c, odd } = ctx;
  const roll = c.int(0, 9);
  if (ctx.depth < 5 && roll < 2) {
    const by = c.chance(odd * 0.2) ? c.int(1, 4) : 2;
    const comment = c.chance(odd * 0.2) ? c.pick([' # note', '  #note', '#x']) : '';
    return `${comment}\n${blockMapping(ctx, indent + by)}`;
  }
  if (ctx.depth < 5 && roll < 4) {
    const by = c.chance(odd * 0.3) ? c.int(0, 3) : 2;
    return `\n${blockSequence(ctx, indent + by)}`;
  }
  if (roll < 6) return ' ' + flowCollection(ctx, indent, true);
  if (c.chance(odd * 0.05)) return c.pick(['', ' ', '  ', ' # nothing']);
  return ' ' + scalar(ctx, indent, false);
}

function blockMapping(ctx: Context, indent: number): string {
  const { c, odd } = ctx;
  ctx.depth++;
  const lines: string[] = [];
  const used = new Set<string>();
  const count = c.int(1, 6);
  for (let i = 0; i < count; i++) {
    const pad = ' '.repeat(Math.max(0, indent + (c.chance(odd * 0.03) ? c.int(-1, 1) : 0)));
    lines.push(pad + key(ctx, false, used).replace(/ +$/, '') + value(ctx, indent));
    if (c.chance(odd * 0.2)) lines.push(decoration(ctx, indent));
  }
  ctx.depth--;
  return lines.join('\n');
}

function blockSequence(ctx: Context, indent: number): string {
  const { c, odd } = ctx;
  ctx.depth++;
  const lines: string[] = [];
  const count = c.int(1, 4);
  for (let i = 0; i < count; i++) {
    const pad = ' '.repeat(indent);
    const dash = c.chance(odd * 0.1) ? c.pick(['-', '-  ', '- ']) : '- ';
    if (ctx.depth < 5 && c.chance(0.4)) {
      // A compact mapping: `- key: value`, its other keys under the first.
      const inner = indent + dash.length;
      const used = new Set<string>();
      const first = key(ctx, false, used).replace(/ +$/, '') + value(ctx, inner);
      const rest = c.int(0, 3);
      const more: string[] = [];
      for (let k = 0; k < rest; k++)
        more.push(' '.repeat(inner) + key(ctx, false, used).replace(/ +$/, '') + value(ctx, inner));
      lines.push(pad + dash + first + (more.length > 0 ? '\n' + more.join('\n') : ''));
    } else if (c.chance(0.3))
      lines.push(pad + dash.trimEnd() + value(ctx, indent).replace(/^ /, ' '));
    else lines.push(pad + dash + scalar(ctx, indent + 2, false));
    if (c.chance(odd * 0.2)) lines.push(decoration(ctx, indent));
  }
  ctx.depth--;
  return lines.join('\n');
}

/** A line between entries: blank, a comment at some indentation, trailing spaces. */
function decoration(ctx: Context, indent: number): string {
  const { c } = ctx;
  return c.pick([
    '',
    '   ',
    `${' '.repeat(indent)}# a comment`,
    '# at the margin',
    `${' '.repeat(indent + 3)}# deeper`,
    '#',
  ]);
}

/** Edits that touch the whole text: BOMs, line ends, the last line end, markers. */
function finish(ctx: Context, text: string): string {
  const { c, odd } = ctx;
  let out = text;
  if (c.chance(odd * 0.3)) out = `${c.pick(['# head', '# head\n', '', '\n'])}\n${out}`;
  if (c.chance(odd * 0.15)) {
    // Byte-order marks: at the very start (as decoded text keeps a second one), after a comment,
    // at the start of some line, twice, inside a value.
    const where = c.int(0, 3);
    if (where === 0) out = '\ufeff' + out;
    else if (where === 1) out = '# c\n\ufeff' + out;
    else {
      const lines = out.split('\n');
      const n = c.int(0, lines.length - 1);
      lines[n] = (where === 2 ? '\ufeff' : '\ufeff\ufeff') + lines[n];
      out = lines.join('\n');
    }
  }
  if (c.chance(odd * 0.05)) out = c.pick(['---\n', '--- # doc\n', '%YAML 1.2\n---\n']) + out;
  if (c.chance(odd * 0.05)) out += c.pick(['\n...', '\n---\nb: 1', '\n...\n# after']);
  if (c.chance(odd * 0.1)) {
    out = c.chance(0.7)
      ? out.replace(/\n/g, '\r\n')
      : out.replace(/\n/g, () => (c.chance(0.3) ? '\r\n' : '\n'));
  }
  if (c.chance(odd * 0.05)) out = out.replace(/ /, '\t');
  // Most files end with a line end; some do not.
  if (!c.chance(odd * 0.3)) out += '\n';
  const edits = c.chance(odd * 0.4) ? c.int(1, 3) : 0;
  for (let i = 0; i < edits; i++) out = edit(c, out);
  return out;
}

/** A text with one to three small random edits, from a seed: near misses of a valid file. */
export function mutateYaml(text: string, seed: number): string {
  const c = new Choices(seed);
  let out = text;
  const edits = c.int(1, 3);
  for (let i = 0; i < edits; i++) out = edit(c, out);
  return out;
}

/** One small random edit: a snippet inserted, a character deleted, a line duplicated. */
function edit(c: Choices, text: string): string {
  const at = c.int(0, text.length);
  switch (c.int(0, 3)) {
    case 0:
    case 1:
      return text.slice(0, at) + c.pick(SNIPPETS) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1);
    default: {
      const lines = text.split('\n');
      const n = c.int(0, lines.length - 1);
      lines.splice(n, 0, lines[n]!);
      return lines.join('\n');
    }
  }
}

/**
 * The n-th document of a seed's series. About a quarter are plain records; the others are
 * written with edge cases, more of them the further along the series.
 */
export function generateYaml(seed: number, n: number, oddness?: number): string {
  const c = new Choices((seed * 1_000_003 + n * 7_919) >>> 0);
  const odd = oddness ?? c.pick([0, 0, 0.05, 0.15, 0.3, 0.6, 1]);
  const ctx: Context = { c, depth: 0, anchors: [], odd };
  return finish(ctx, blockMapping(ctx, 0));
}
