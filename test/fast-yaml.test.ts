/**
 * The fast path for reading records (src/load/yaml/fast.ts) must give exactly what the exact path
 * (the `yaml` package) gives — the same value, the same places — or give up. Here: it reads every
 * case and generated record, and YAML chosen to be awkward; it gives up on what it must not read.
 * The differential harness (test/differential.test.ts) compares the two paths at scale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRecord, optionsForSize } from '../bench/generate.mjs';
import { fastParse } from '../src/load/yaml/fast.js';
import { parseYaml } from '../src/load/yaml/parse.js';
import { resolvePlain } from '../src/load/yaml/scalars.js';
import { differential } from './differential.js';
import { caseFiles } from './helpers.js';

/** Checks one text that the fast path must read: it reads it, and as the exact path does. */
function agree(text: string): boolean {
  const outcome = differential(text);
  expect(outcome.divergence).toBeUndefined();
  return outcome.read;
}

describe('the fast path agrees with the exact path', () => {
  it('on every case, and it reads them all', () => {
    for (const file of caseFiles()) expect(agree(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('on generated records of every size, with and without breaches', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const size = [5_000, 10_000, 30_000, 100_000][seed % 4]!;
      expect(
        agree(
          generateRecord({ ...optionsForSize(size, seed), breaches: seed % 3 === 0 ? 0.5 : 0 }),
        ),
      ).toBe(true);
    }
  });

  const awkward: Record<string, string> = {
    'scalars of every core type':
      'a: ~\nb: null\nc: NULL\nd:\ne: true\nf: False\ng: 0o17\nh: 0x1F\ni: -12\nj: +3\nk: 1.50\nl: .5\nm: 1e3\nn: -.inf\no: .NaN\np: 1_000\nq: 0b1\nr: yes\ns: 2019-08-30\nt: 12:30\nv: x:y\nw: 1#c\n',
    'quoted scalars and escapes': `a: 'it''s'\nb: "say \\"hi\\" \\\\ \\u00e9\\n"\nc: "#not a comment"\nd: '' \ne: ""\n`,
    'comments everywhere': '# head\na: 1 # tail\n\n  # indented\nb: [1, # inside\n  2]\nc: x#y\n',
    'compact mappings in sequences':
      'a:\n  - id: p\n    amount: 1\n  - id: q\n    nested:\n      deep: [x]\n  - plain\n  - "quoted"\n  - [1, 2]\n  - { k: v }\n',
    'multi-line flow collections':
      'release: {\n  2019-W42: 1, 2019-W43: 1.5,\n  2019-W44: 0\n}\nsessions: [\n  2019-10-15,\n  2019-10-22\n]\n',
    'keys of every kind':
      '"quoted key": 1\n\'single\': 2\n2019: 3\n1.50: 4\ntrue: 5\nnull: 6\nkey with spaces: 7\n',
    'empty and nested values': 'a:\nb:\n  c:\n  d: 1\ne: {}\nf: []\n',
    'no newline at the end': 'a: 1\nb: [x, y]',
    // An empty value is placed after the spaces that follow its `:`: at a comment, at the end.
    'signed numbers in flow collections': 'a: [-1, -.5, +2]\nb: {k: -3}\n',
    'empty values before a comment or trailing spaces':
      'a: # note\nb:   # note\nc:   \nd:\ne: 1\nf:  ',
  };
  for (const [name, text] of Object.entries(awkward)) {
    it(`on ${name}`, () => {
      expect(agree(text)).toBe(true);
    });
  }

  // What the fast path must not read: it gives up, and the exact path decides.
  const refused: Record<string, string> = {
    'an anchor and an alias': 'a: &x 1\nb: *x\n',
    'a tag': 'a: !!str 1\n',
    'a block scalar': 'a: |\n  text\n',
    'a multi-line plain scalar': 'a: one\n  two\n',
    'a multi-line quoted scalar': 'a: "one\n  two"\n',
    'a tab': 'a:\t1\n',
    'CRLF line ends': 'a: 1\r\nb: 2\r\n',
    'a document marker': '---\na: 1\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'a __proto__ key': '__proto__: 1\n',
    'a nested mapping on one line': 'a: b: c\n',
    'a bad indentation': 'a: 1\n b: 2\n',
    'a sequence at the key’s indentation': 'a:\n- 1\n- 2\n',
    'an unclosed flow collection': 'a: [1, 2\n',
    'a flow collection not indented enough': 'a:\n  b: [1,\n  2]\n',
    'an empty flow entry': 'a: [1, , 2]\n',
    'a complex key': '? a\n: 1\n',
    'a list at the root': '- a\n',
    'a dash for a value': 'a: -\n',
    'a key starting with a closing bracket': '}a: 1\n',
    'a value starting with a closing bracket': 'a: ]x\n',
    'a list item starting with a comma': 'a:\n  - ,x\n',
    'a dash in a flow collection': 'a: [x, - y]\n',
    'a lone dash in a flow collection': 'a: [-]\n',
    'a comment at the start of a line in a flow collection': 'a: {k: x\n# c\n  }\n',
    'an unknown escape': 'a: "\\q"\n',
    'nesting deeper than 64': `a: ${'['.repeat(70)}${']'.repeat(70)}\n`,
  };
  for (const [name, text] of Object.entries(refused)) {
    it(`gives up on ${name}`, () => {
      expect(fastParse(text)).toBeUndefined();
    });
  }

  it('resolves plain scalars as the core schema does', () => {
    expect(
      [
        '~',
        '',
        'true',
        'TRUE',
        'tRue',
        '0o10',
        '010',
        '0x10',
        '+5',
        '-0',
        '1.',
        '.5',
        '1e2',
        '.Inf',
        '-.inf',
        '.nan',
        'nan',
        '1_0',
      ].map(resolvePlain),
    ).toEqual([
      null,
      null,
      true,
      true,
      'tRue',
      8,
      10,
      16,
      5,
      -0,
      1,
      0.5,
      100,
      Infinity,
      -Infinity,
      NaN,
      'nan',
      '1_0',
    ]);
  });
});

describe('the mappings read, on both paths', () => {
  it.each([
    ['fast', false],
    ['exact', true],
  ])(
    'inherit nothing (%s path): no constructor, no toString, a prototype no one can change',
    (_, exact) => {
      const parsed = parseYaml('a: { b: 1 }\nc:\n  - d: 2\n', { exact });
      const root = parsed.value as Record<string, Record<string, unknown>>;
      const mappings = [root, root.a!, (root.c as unknown as Record<string, unknown>[])[0]!];
      for (const mapping of mappings) {
        for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])
          expect(mapping[name], name).toBeUndefined();
        expect('isPrototypeOf' in mapping).toBe(false);
        const prototype = Object.getPrototypeOf(mapping) as object;
        expect(Object.isFrozen(prototype)).toBe(true);
        expect(Reflect.ownKeys(prototype)).toEqual([]);
        expect(Object.getPrototypeOf(prototype)).toBeNull();
      }
      expect(root.a).toEqual({ b: 1 });
    },
  );

  it.each([
    ['fast', false],
    ['exact', true],
  ])(
    'carry where they are written unseen (%s path): not in their keys, copies, JSON or spreads',
    (_, exact) => {
      const text = 'a: { b: 1 }\nc:\n  - d: 2\n  - [3, 4]\n';
      const parsed = parseYaml(text, { exact });
      const root = parsed.value as Record<string, unknown>;
      const containers = [root, root.a, root.c, (root.c as unknown[])[0], (root.c as unknown[])[1]];
      for (const container of containers as object[]) {
        const hidden = Object.getOwnPropertySymbols(container);
        // The span table's mark: one symbol, not enumerable, that no copy takes with it.
        expect(hidden).toHaveLength(1);
        expect(Object.getOwnPropertyDescriptor(container, hidden[0]!)!.enumerable).toBe(false);
        expect(Object.getOwnPropertySymbols({ ...container })).toEqual([]);
        expect(Object.getOwnPropertySymbols(Object.assign({}, container))).toEqual([]);
        expect(Object.getOwnPropertySymbols(structuredClone(container))).toEqual([]);
      }
      expect(JSON.stringify(root)).toBe('{"a":{"b":1},"c":[{"d":2},[3,4]]}');
      expect(Object.keys(root)).toEqual(['a', 'c']);
      expect(Object.keys(root.c as object)).toEqual(['0', '1']);
      // A copy is not the value the text wrote: it is placed at the nearest value that is.
      expect(parsed.positions.locate(root, '/a/b')).toEqual({
        pointer: '/a/b',
        line: 1,
        column: 6,
        found: '/a/b',
      });
      root.a = { ...(root.a as object) };
      expect(parsed.positions.locate(root, '/a/b')).toEqual({
        pointer: '/a/b',
        line: 1,
        column: 1,
        found: '/a',
      });
    },
  );
});
