/**
 * Property-based tests (fast-check): whatever a record is made of, clausier answers with a
 * verdict, every input error inside the file, every finding at a place that exists, money that
 * balances to the cent, and the same findings whatever the order of the record's keys.
 *
 * By default each property runs a bounded number of times from a fixed seed, so that `npm test`
 * is quick and always the same. For a longer search:
 *
 *   CLAUSIER_PROPERTY_RUNS=5000 npx vitest run test/property.test.ts
 *   CLAUSIER_PROPERTY_RUNS=5000 CLAUSIER_PROPERTY_SEED=1234 npx vitest run test/property.test.ts
 *
 * A long run prints its seed and count; a failure prints fast-check's counterexample, its seed
 * and its path, which replay it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateRecord, random, type RecordOptions } from '../bench/generate.mjs';
import { checkLoaded } from '../src/pipeline.js';
import { type FileReport } from '../src/model/finding.js';
import { loadRecordBytes, type LoadedRecord } from '../src/load/index.js';
import { decodeText } from '../src/load/text.js';
import { escapeSegment, joinPointer, splitPointer } from '../src/base/pointer.js';
import { Missing, pathReader, pathSegments, readPath, splitDotted } from '../src/facts/missing.js';
import { OperatorTypeError, STRICT_OPERATORS } from '../src/facts/operators.js';
import { parseYaml } from '../src/load/yaml/parse.js';
import { differential } from './differential.js';
import { CLI, REFERENCE, runsFromEnvironment, tempDir } from './helpers.js';

const { runs: RUNS, seed: SEED } = runsFromEnvironment(
  'CLAUSIER_PROPERTY',
  'test/property.test.ts',
  20_190_830,
);
/** fast-check's parameters: the default count, or the long run's. */
const params = (runs: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: RUNS ?? runs,
});
/** No time limit on a long run; the usual one otherwise. */
const TIMEOUT = RUNS === undefined ? 60_000 : 24 * 3_600_000;

const REFERENCE_TEXT = readFileSync(REFERENCE, 'utf8');
const AS_OF = { today: () => '2020-06-30' };
const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// What must hold of any report, whatever the input.

/** The lines of a file as its bytes give them: LF ends a line (a CR alone does not). */
function lineCount(bytes: Uint8Array): number {
  let count = 1;
  for (const byte of bytes) if (byte === 0x0a) count++;
  return count;
}

/** The longest prefix of a pointer that exists in a value. */
function existingPrefix(root: unknown, pointer: string): string {
  let node = root;
  let found = '';
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') break;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) break;
    if (Array.isArray(node) && !/^(0|[1-9]\d*)$/.test(segment)) break;
    node = (node as Record<string, unknown>)[segment];
    found += '/' + segment.replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return found;
}

/** A stack trace, or JavaScript leaking into words meant for people. */
const SIGNS_OF_A_BUG = /\n\s+at .*:\d+:\d+|\[object \w+\]|\bundefined\b|function \w*\(/;

/** Checks a record's bytes through the library, and what must hold of its report. */
async function checkHolds(
  bytes: Uint8Array,
  language: 'fr' | 'en' = 'en',
): Promise<{ report: FileReport; loaded: LoadedRecord }> {
  const loaded = loadRecordBytes(bytes, 'mutant.yaml');
  const report = await checkLoaded(loaded, { language, ...AS_OF });
  const lines = lineCount(bytes);
  expect(['invalid', 'breach', 'compliant']).toContain(report.verdict);
  expect(report.verdict === 'invalid').toBe(report.errors.length > 0);
  for (const error of report.errors) {
    expect(error.message).not.toBe('');
    expect(error.message).not.toMatch(SIGNS_OF_A_BUG);
    expect(
      Number.isInteger(error.line) && error.line >= 1 && error.line <= lines,
      error.message,
    ).toBe(true);
    expect(error.column, error.message).toBeGreaterThanOrEqual(1);
    if (loaded.text !== '') {
      // A column is within its line (or just after its end, for a problem at the line's end).
      const start = lineStart(loaded.text, error.line);
      const end = loaded.text.indexOf('\n', start);
      const length = (end === -1 ? loaded.text.length : end) - start;
      expect(error.column, error.message).toBeLessThanOrEqual(length + 1);
    }
  }
  if (report.verdict === 'invalid') return { report, loaded };

  // A record that loads is judged: every finding located at a place that exists.
  expect(report.findings.length).toBeGreaterThan(0);
  for (const finding of report.findings) {
    expect(finding.message, finding.rule).not.toBe('');
    expect(finding.message, finding.rule).not.toMatch(SIGNS_OF_A_BUG);
    for (const location of finding.locations) {
      expect(location.line).toBeGreaterThanOrEqual(1);
      expect(location.line).toBeLessThanOrEqual(lines);
      expect(location.column).toBeGreaterThanOrEqual(1);
      const at = loaded.locate(location.pointer);
      expect({ line: at.line, column: at.column }).toEqual({
        line: location.line,
        column: location.column,
      });
      // Where a pointer does not exist (a missing field), its nearest existing parent.
      const found = existingPrefix(loaded.record, location.pointer);
      expect(at.found, location.pointer).toBe(found);
      const key = splitPointer(found).at(-1);
      if (key !== undefined && !Array.isArray(parentOf(loaded.record, found))) {
        // A mapping entry is located at its key.
        const text = loaded.text.slice(lineStart(loaded.text, at.line) + at.column - 1);
        expect(text.replace(/^["']/, '').startsWith(key), `${location.pointer} at ${key}`).toBe(
          true,
        );
      }
    }
  }
  moneyBalances(report, loaded);
  return { report, loaded };
}

function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

function parentOf(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of splitPointer(pointer).slice(0, -1))
    node = (node as Record<string, unknown>)[segment];
  return node;
}

/** paid = used funds + refund due, to the cent; each sum is the sum of its items. */
function moneyBalances(report: FileReport, loaded: LoadedRecord): void {
  const money = report.money!;
  const record = loaded.record!;
  const sum = (items: { amount: number }[] | undefined): number =>
    (items ?? []).reduce((total, item) => total + item.amount, 0);
  expect(money.paid).toBe(sum(record.payments));
  expect(money.refunded).toBe(sum(record.refunds));
  // Every amount is whole cents; the deadline and whether it is settled are no amounts.
  const { refundSettled: _, refundDueBy: __, ...amounts } = money;
  for (const value of Object.values(amounts))
    if (value !== null) expect(Number.isSafeInteger(value)).toBe(true);
  if (money.usedFunds !== null) {
    expect(money.paid).toBe(money.usedFunds + money.refundDue!);
    expect(money.usedFunds).toBe(Math.min(money.paid, money.eligibleExpenses!));
    expect(money.eligibleExpenses!).toBeLessThanOrEqual(sum(record.expenses));
    expect(money.balance).toBe(money.refundDue! - money.refunded!);
  } else {
    expect(money.refundDue).toBeNull();
    expect(money.balance).toBeNull();
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations of a record, as data, so that a counterexample reads as what was done.

/** Scalars of every wrong kind, to put where a value was. */
const WRONG_VALUES = [
  '42',
  '-1',
  '0',
  'true',
  'null',
  '~',
  '""',
  "'text'",
  '[]',
  '{}',
  '[1, 2]',
  '{ a: 1 }',
  '.nan',
  '-.inf',
  '1e400',
  '0x1F',
  '2019-02-30',
  '12019-08-30',
  '2019-W54',
  '10000.001',
  '"10 000,00"',
  '!!binary aGVsbG8=',
  '*nowhere',
  '&anchor 1',
  '|\n  block',
];

/** Dates that are wrong in every way a date can be, and a few right ones. */
const DATES = [
  '12019-08-30',
  '2019-02-30',
  '2019-02-29',
  '2020-02-29',
  '2019-13-01',
  '2019-00-10',
  '2019-8-3',
  '2019/08/30',
  '30/08/2019',
  '2019-08-30T10:00:00Z',
  '0000-01-01',
  '9999-12-31',
  '1970-01-01',
  '2100-02-29',
  '"2019-08-30"',
  '2019-W35',
];

/** Amounts with too many decimals, signs, exponents, separators; and a few right ones. */
const AMOUNTS = [
  '10000.001',
  '0.005',
  '-5.00',
  '-0.00',
  '+12.5',
  '1e3',
  '1E-2',
  '1_000',
  '10 000,00',
  '"10000.00"',
  '0x2710',
  '0o17',
  '.5',
  '5.',
  '99999999999999999999.99',
  '90071992547409.93',
  '00012.30',
  '0',
  '12000.00',
  '.inf',
  '-.nan',
];

/** Snippets inserted anywhere: control characters, indicators, markers of YAML. */
const SNIPPETS = [
  '\t',
  '\r',
  '\r\n',
  '\0',
  '\ufeff',
  '\u2028',
  '\u00a0',
  ': ',
  '- ',
  '#',
  ' #',
  '&a ',
  '*a',
  '!!str ',
  '!custom ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '\\',
  '|',
  '>',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '? ',
  '<<: ',
  '__proto__: 1\n',
  '\n  ',
  '\n',
  'é',
  '😀',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'corrupt'; at: number; byte: number }
  | { kind: 'insert'; at: number; snippet: string }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'indent-line'; line: number; by: number }
  | { kind: 'value'; line: number; value: string }
  | { kind: 'date'; index: number; value: string }
  | { kind: 'amount'; index: number; value: string }
  | { kind: 'remove-field'; index: number }
  | { kind: 'duplicate-item'; index: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('corrupt' as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    snippet: fc.constantFrom(...SNIPPETS),
  }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('indent-line' as const),
    line: fc.nat(),
    by: fc.integer({ min: -4, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('value' as const),
    line: fc.nat(),
    value: fc.constantFrom(...WRONG_VALUES),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    index: fc.nat(),
    value: fc.constantFrom(...DATES),
  }),
  fc.record({
    kind: fc.constant('amount' as const),
    index: fc.nat(),
    value: fc.constantFrom(...AMOUNTS),
  }),
  fc.record({ kind: fc.constant('remove-field' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-item' as const), index: fc.nat() }),
);

/** The n-th match of a pattern (modulo their number), replaced. */
function replaceNth(text: string, pattern: RegExp, n: number, by: (match: string) => string) {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[n % matches.length]!;
  return text.slice(0, match.index) + by(match[0]) + text.slice(match.index + match[0].length);
}

/** Applies one mutation to the bytes of a record. */
function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('utf8');
  const lines = text.split('\n');
  const line = (n: number): number => n % lines.length;
  const joined = (): Uint8Array => encoder.encode(lines.join('\n'));
  switch (m.kind) {
    case 'truncate':
      return buffer.subarray(0, m.at % (buffer.length + 1));
    case 'corrupt': {
      if (buffer.length === 0) return buffer;
      const copy = Buffer.from(buffer);
      copy[m.at % copy.length] = m.byte;
      return copy;
    }
    case 'insert': {
      const at = m.at % (buffer.length + 1);
      return Buffer.concat([buffer.subarray(0, at), Buffer.from(m.snippet), buffer.subarray(at)]);
    }
    case 'delete-line':
      lines.splice(line(m.line), 1);
      return joined();
    case 'duplicate-line': {
      const n = line(m.line);
      lines.splice(n, 0, lines[n]!);
      return joined();
    }
    case 'swap-lines': {
      const [a, b] = [line(m.a), line(m.b)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return joined();
    }
    case 'indent-line': {
      const n = line(m.line);
      lines[n] = m.by >= 0 ? ' '.repeat(m.by) + lines[n] : lines[n]!.replace(/^ {1,4}/, '');
      return joined();
    }
    case 'value': {
      // The value after `key: ` on a line (or the first one in a flow mapping).
      const n = line(m.line);
      lines[n] = lines[n]!.replace(
        /(:\s+)([^\s#{[][^,}\]#]*)/,
        (_, colon: string) => colon + m.value,
      );
      return joined();
    }
    case 'date':
      return encoder.encode(
        replaceNth(text, /\b\d{4}-\d{2}-\d{2}\b/g, m.index, () => m.value.replace(/^"|"$/g, '')),
      );
    case 'amount':
      return encoder.encode(replaceNth(text, /(?<=amount: )[^,}\n]+/g, m.index, () => m.value));
    case 'remove-field':
    case 'duplicate-item':
      return encoder.encode(editTree(text, m));
  }
}

/** Mutations of the tree: a field removed, a list item written twice (ids then collide). */
function editTree(text: string, m: Mutation & { index: number }): string {
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) return text;
  const targets: { items: unknown[] }[] = [];
  visit(document, {
    Map: (_, node) => {
      if (m.kind === 'remove-field' && node.items.length > 0) targets.push(node);
    },
    Seq: (_, node) => {
      if (m.kind === 'duplicate-item' && node.items.length > 0) targets.push(node);
    },
  });
  if (targets.length === 0) return text;
  const target = targets[m.index % targets.length]!;
  const at = Math.floor(m.index / targets.length) % target.items.length;
  if (m.kind === 'remove-field') target.items.splice(at, 1);
  else target.items.splice(at, 0, target.items[at]);
  // An earlier edit may have left an alias to no anchor (`*nowhere`), which the yaml package
  // cannot write back: the edit is then skipped, as it is for a document with errors.
  try {
    return document.toString({ lineWidth: 0 });
  } catch {
    return text;
  }
}

const applyAll = (bytes: Uint8Array, mutations: Mutation[]): Uint8Array =>
  mutations.reduce(mutate, bytes);

/** Records to start from: the reference, and generated programmes with and without breaches. */
const GENERATED = [1, 2, 3].map((seed) =>
  generateRecord({
    seed,
    projects: 2,
    intrapreneurs: 1,
    weeks: 10,
    breaches: seed === 3 ? 0.5 : 0,
  }),
);
const BASES = [REFERENCE_TEXT, ...GENERATED].map((t) => encoder.encode(t));

/** A record and what is done to it; its bytes are `bytesOf(mutant)`. */
const mutant = fc.record({
  base: fc.nat(BASES.length - 1),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});
const bytesOf = (m: { base: number; mutations: Mutation[] }): Uint8Array =>
  applyAll(BASES[m.base]!, m.mutations);

// ---------------------------------------------------------------------------------------------

describe('whatever a record is made of, clausier answers', () => {
  it(
    'edited, truncated or corrupted records give a verdict, errors inside the file, findings at places that exist',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutant, fc.constantFrom('fr' as const, 'en' as const), async (m, lang) => {
          await checkHolds(bytesOf(m), lang);
        }),
        params(150),
      );
    },
    TIMEOUT,
  );

  it(
    'where the fast path reads a mutated record, it reads exactly what the exact path reads',
    () => {
      fc.assert(
        fc.property(mutant, (m) => {
          // What reaches the YAML readers: text that decoded (no NUL, valid UTF-8, no BOM).
          const decoded = decodeText(bytesOf(m));
          if (!decoded.ok) return;
          expect(differential(decoded.text).divergence).toBeUndefined();
        }),
        params(150),
      );
    },
    TIMEOUT,
  );

  it(
    'the built CLI agrees with the library on mutated records, exits 0, 1 or 2, and prints no stack trace',
    async () => {
      // One CLI run over a folder of mutants: each run of the CLI costs a start-up.
      const sample = fc.sample(mutant, { seed: SEED, numRuns: RUNS === undefined ? 30 : 200 });
      const dir = tempDir();
      const expected = new Map<string, FileReport>();
      for (const [i, m] of sample.entries()) {
        const file = join(dir, `mutant-${String(i).padStart(3, '0')}.yaml`);
        const bytes = bytesOf(m);
        writeFileSync(file, bytes);
        const loaded = loadRecordBytes(bytes, file);
        expected.set(file, await checkLoaded(loaded, { language: 'en', asOf: '2020-06-30' }));
      }
      const result = spawnSync(
        process.execPath,
        [CLI, 'check', dir, '--format', 'json', '--lang', 'en', '--as-of', '2020-06-30'],
        {
          env: { PATH: process.env.PATH ?? '' },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          timeout: 60_000,
          killSignal: 'SIGKILL',
        },
      );
      rmSync(dir, { recursive: true, force: true });
      expect(result.signal, 'the CLI did not finish in 60 s, or crashed').toBeNull();
      const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
      expect(run.stderr).toBe('');
      const reports = [...expected.values()];
      const status = reports.some((r) => r.verdict === 'invalid')
        ? 2
        : reports.some((r) => r.verdict === 'breach')
          ? 1
          : 0;
      expect(run.status).toBe(status);
      expect(run.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
      const files = JSON.parse(run.stdout).files as FileReport[];
      expect(files.map((f) => f.file)).toEqual([...expected.keys()]);
      for (const file of files) {
        const library = expected.get(file.file)!;
        expect(file.verdict, file.file).toBe(library.verdict);
        expect(file.errors, file.file).toEqual(library.errors);
        expect(
          file.findings.map((f) => [f.rule, f.status, f.message, f.locations]),
          file.file,
        ).toEqual(library.findings.map((f) => [f.rule, f.status, f.message, f.locations]));
      }
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Valid records: random but well-formed programmes.

const programme: fc.Arbitrary<RecordOptions> = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  projects: fc.integer({ min: 1, max: 3 }),
  intrapreneurs: fc.integer({ min: 1, max: 3 }),
  weeks: fc.integer({ min: 2, max: 30 }),
  expenses: fc.integer({ min: 1, max: 25 }),
  breaches: fc.constantFrom(0, 0.2, 0.6, 1),
});

/** An amount in cents written as euros in one of the ways a record may write it. */
const euros = (cents: number, style: number): string => {
  const units = Math.floor(cents / 100);
  const rest = cents % 100;
  if (style === 0 && rest === 0) return String(units);
  if (style === 1 && rest % 10 === 0) return `${units}.${rest / 10}`;
  if (style === 2) return `${String(units).padStart(5, '0')}.${String(rest).padStart(2, '0')}`;
  return `${units}.${String(rest).padStart(2, '0')}`;
};

/** The same document with the keys of every mapping in another order (lists keep theirs). */
function reorderKeys(text: string, seed: number): string {
  const rand = random(seed);
  const document = parseDocument(text);
  visit(document, {
    Map: (_, node) => {
      for (let i = node.items.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [node.items[i], node.items[j]] = [node.items[j]!, node.items[i]!];
      }
    },
  });
  expect(isMap(document.contents) || isSeq(document.contents)).toBe(true);
  return document.toString({ lineWidth: 0 });
}

/** What a finding says, without where it is written (lines move when keys move). */
const said = (report: FileReport) =>
  report.findings.map((f) => ({
    rule: f.rule,
    status: f.status,
    case: f.case,
    message: f.message,
    pointers: f.locations.map((l) => l.pointer),
    missing: f.missing,
    count: f.count,
  }));

describe('on valid records', () => {
  it(
    'generated programmes load without error, and their money balances to the cent',
    async () => {
      await fc.assert(
        fc.asyncProperty(programme, async (options) => {
          const { report } = await checkHolds(encoder.encode(generateRecord(options)));
          expect(report.errors).toEqual([]);
        }),
        params(60),
      );
    },
    TIMEOUT,
  );

  it(
    'amounts written in any valid way are read exactly: paid, eligible, used, refund due, refunded',
    async () => {
      const amount = fc.integer({ min: 0, max: 5_000_000 });
      await fc.assert(
        fc.asyncProperty(
          amount,
          fc.array(amount, { minLength: 8, maxLength: 8 }),
          amount,
          fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }),
          async (payment, expenses, refund, styles) => {
            let index = 0;
            const all = [payment, ...expenses, refund];
            // The record's amounts in file order: the payment, eight expenses, the refund.
            const text = REFERENCE_TEXT.replace(/(?<=amount: )[\d.]+/g, () => {
              const i = index++;
              return euros(all[i]!, styles[i]!);
            });
            expect(index).toBe(10);
            const { report } = await checkHolds(encoder.encode(text));
            expect(report.errors).toEqual([]);
            const eligible = expenses.reduce((a, b) => a + b, 0);
            const used = Math.min(payment, eligible);
            expect(report.money).toEqual({
              cap: 1_000_000,
              paid: payment,
              eligibleExpenses: eligible,
              usedFunds: used,
              refundDue: payment - used,
              refunded: refund,
              refundedElsewhere: 0,
              balance: payment - used - refund,
              refundSettled: true,
              refundDueBy: '2020-05-14',
              paidAboveCap: Math.max(0, payment - 1_000_000),
            });
          },
        ),
        params(100),
      );
    },
    TIMEOUT,
  );

  it(
    'the order of a record’s keys changes nothing that is said',
    async () => {
      const records = fc.oneof(
        programme.map((options) => generateRecord(options)),
        fc.constant(REFERENCE_TEXT),
      );
      await fc.assert(
        fc.asyncProperty(records, fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (text, seed) => {
          const reordered = reorderKeys(text, seed);
          expect(reordered).not.toBe(text);
          const before = await checkHolds(encoder.encode(text));
          const after = await checkHolds(encoder.encode(reordered));
          expect(after.report.errors).toEqual([]);
          expect(after.report.verdict).toBe(before.report.verdict);
          expect(after.report.money).toEqual(before.report.money);
          expect(said(after.report)).toEqual(said(before.report));
        }),
        params(60),
      );
    },
    TIMEOUT,
  );
});

describe('reading a fact at a path', () => {
  // pathReader reads a field no built-in prototype has directly, without Object.hasOwn: it must
  // read what readPath reads (own fields only) whatever the value and the names on the way.
  const inheritedNames = [
    ...new Set(
      [Object, Array, String, Number, Boolean, Function, Map, Date, RegExp]
        .flatMap((kind) => Object.getOwnPropertyNames(kind.prototype))
        .concat(['__proto__', 'then', 'pointers', 'toJSON']),
    ),
  ];
  const name = fc.oneof(
    fc.constantFrom(...inheritedNames),
    fc.constantFrom('date', 'sessions', 'item', 'length', '0', '1', 'size', 'a'),
    fc.string({ maxLength: 4 }),
  );
  const MAPPING = Object.getPrototypeOf(parseYaml('a: 1\n').value) as object;
  const value = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(null, undefined, true, 0, 12, '', 'text', 'constructor'),
      fc.constant(new Missing(['/a'])),
      fc.array(tie('value'), { maxLength: 3 }),
      fc
        .tuple(
          fc.constantFrom(Object.prototype, MAPPING, null),
          fc.array(fc.tuple(name, tie('value')), { maxLength: 4 }),
        )
        .map(([prototype, fields]) => {
          const object = Object.create(prototype) as object;
          // Own fields even where a prototype has one of that name (`__proto__` included).
          for (const [key, field] of fields)
            Object.defineProperty(object, key, {
              value: field,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          return object;
        }),
    ),
  }));

  it('pathReader reads what readPath reads: own fields only, whatever the value', () => {
    fc.assert(
      fc.property(value.value, fc.array(name, { maxLength: 4 }), (root, path) => {
        expect(Object.is(pathReader(path)(root), readPath(root, path))).toBe(true);
      }),
      params(2_000),
    );
  });

  it('reads no inherited field, and every own one', () => {
    const plain = { date: '2019-09-02', list: [1, 2] };
    const mapping = parseYaml('date: 2019-09-02\n').value;
    for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])
      for (const root of [plain, mapping, [1], 'text', 12, true])
        expect(pathReader([field])(root), field).toBeUndefined();
    expect(pathReader(['list', 'length'])(plain)).toBe(2);
    expect(pathReader(['list', 'map'])(plain)).toBeUndefined();
    expect(pathReader(['date', 'length'])(plain)).toBe(10);
    expect(pathReader(['date'])(mapping)).toBe('2019-09-02');
    const unknown = new Missing(['/x']);
    expect(pathReader(['a', 'pointers'])({ a: unknown })).toBe(unknown);
    expect(pathReader(['a', 'b', 'c'])({ a: null })).toBeNull();
  });
});

describe('dotted paths', () => {
  it('split into fields, and a reference into its fact and fields', () => {
    expect(pathSegments(undefined)).toEqual([]);
    expect(pathSegments('')).toEqual([]);
    expect(pathSegments('preincubation.end')).toEqual(['preincubation', 'end']);
    expect(splitDotted('item.week')).toEqual({ fact: 'item', path: ['week'] });
    expect(splitDotted('asOf')).toEqual({ fact: 'asOf', path: [] });
    expect(splitDotted('phases.preincubation.end')).toEqual({
      fact: 'phases',
      path: ['preincubation', 'end'],
    });
  });
});

describe('the date operators', () => {
  it('take as a date exactly the text /^\\d{4}-\\d{2}-\\d{2}$/ matches', () => {
    const DATE = /^\d{4}-\d{2}-\d{2}$/;
    // Texts near a date: its characters, others in their place (a letter, an Arabic-Indic
    // digit, a line break), one too many or too few.
    const near = fc
      .array(fc.constantFrom('0', '1', '9', '-', 'a', ' ', '\n', '\u0661', '/', '+'), {
        minLength: 8,
        maxLength: 12,
      })
      .map((chars) => chars.join(''));
    const text = fc.oneof(near, fc.string({ maxLength: 12 }), fc.constant('2019-09-02'));
    const accepts = (value: string): boolean => {
      try {
        STRICT_OPERATORS.dateBefore!.evaluate(value, '2019-01-01');
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(OperatorTypeError);
        return false;
      }
    };
    fc.assert(
      fc.property(text, (value) => {
        expect(accepts(value)).toBe(DATE.test(value));
      }),
      params(5_000),
    );
    for (const value of ['2019-09-02', '0000-00-00']) expect(accepts(value), value).toBe(true);
    for (const value of [
      '2019-09-02\n',
      '2019-9-02',
      '2019/09/02',
      '\u0662019-09-02',
      '12019-09-02',
    ])
      expect(accepts(value), value).toBe(false);
  });
});

describe('JSON pointers', () => {
  it('escape ~ and / as RFC 6901 says, and split back into the same segments', () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc
        .array(fc.constantFrom('~', '/', '0', '1', 'a', '~0', '~1'), { maxLength: 5 })
        .map((p) => p.join('')),
      fc.nat(99),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        const pointer = joinPointer('', ...segments);
        const escaped = segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1'));
        expect(pointer).toBe(escaped.map((s) => '/' + s).join(''));
        expect(splitPointer(pointer)).toEqual(segments.map(String));
        expect(segments.map(escapeSegment)).toEqual(escaped);
      }),
      params(2_000),
    );
    expect(joinPointer('/projects/0', 'release', '2019-W36')).toBe('/projects/0/release/2019-W36');
    expect(joinPointer('', 'a/b', '~c')).toBe('/a~1b/~0c');
    expect(splitPointer('/a~1b/~0c/~01')).toEqual(['a/b', '~c', '~1']);
  });
});
