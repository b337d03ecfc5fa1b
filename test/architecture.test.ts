/**
 * The house reads top-down (docs/architecture.md): each folder of src/ is one floor, and a file
 * imports only from its own floor or the floors below. The command line talks to the library
 * alone (src/index.ts). No two files import each other, however far round.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** The floors, lowest first: a path (a folder, or one file) and what lives there. */
export const FLOORS: readonly { path: string; holds: string }[] = [
  { path: 'generated', holds: 'validators generated from the schemas' },
  { path: 'base', holds: 'calendar, money, pointer, quote, errors, language, the tool' },
  { path: 'model', holds: 'the shapes: record, pack files, finding, trace, summary, schemas' },
  { path: 'words', holds: 'every French and English word table' },
  { path: 'load', holds: 'reading, parsing, validating and decoding a record' },
  { path: 'facts', holds: 'the mechanisms and the derivation of facts' },
  { path: 'rules', holds: "the pack, the engine, a finding's evaluation, trace and words" },
  { path: 'pipeline.ts', holds: 'one record: load, measure, evaluate, locate' },
  { path: 'views', holds: 'HTML pages, the agenda and the ledger, over findings' },
  { path: 'report', holds: 'the output formats, one file each' },
  { path: 'run', holds: 'many records: targets, cache, worker threads, waivers, cases' },
  { path: 'index.ts', holds: 'the library' },
  { path: 'cli', holds: 'the command line: options, printing, exit codes' },
  { path: 'cli.ts', holds: 'the command line' },
  { path: 'bundle.ts', holds: 'the one bundle: library, command line, worker threads' },
];

/** A file's floor: the index in FLOORS of its folder (or of itself). */
export function floorOf(file: string): number {
  const path = relative(SRC, file).split('\\').join('/');
  const first = path.split('/')[0]!;
  const floor = FLOORS.findIndex((f) => f.path === first);
  if (floor < 0) throw new Error(`${path} is on no floor: add its folder to FLOORS`);
  return floor;
}

/** Every TypeScript file of src/. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

/** The files of src/ a file imports (`import`, `export ... from`, `import()`), by their path. */
function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
    .filter((path) => path.endsWith('.ts'));
}

/** What breaks the layers: `from → to` with the rule it breaks. */
export function layerViolations(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  const cliFloor = FLOORS.findIndex((f) => f.path === 'cli');
  const library = join(SRC, 'index.ts');
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const name = `${relative(SRC, from)} → ${relative(SRC, to)}`;
      if (floorOf(to) > floorOf(from)) problems.push(`${name}: imports from a floor above`);
      else if (floorOf(from) === cliFloor && floorOf(to) !== cliFloor && to !== library)
        problems.push(`${name}: the command line imports the library (index.ts) alone`);
    }
  }
  return problems;
}

/** Each import cycle between files, as the files round it. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components: a component of two files or more is a cycle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative(SRC, member));
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node))
        found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

const graph = new Map(
  sourceFiles().map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]),
);

describe('the layers of src/', () => {
  it('puts every file on a floor, and every import on its own floor or one below', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches an import from a floor above, a command importing past the library, and a cycle', () => {
    const at = (path: string): string => join(SRC, path);
    const broken = new Map<string, string[]>([
      [at('facts/derive.ts'), [at('rules/evaluate.ts')]],
      [at('cli/check.ts'), [at('run/check-files.ts'), at('index.ts')]],
      [at('rules/evaluate.ts'), [at('rules/trace.ts')]],
      [at('rules/trace.ts'), [at('rules/evaluate.ts')]],
    ]);
    expect(layerViolations(broken)).toEqual([
      'facts/derive.ts → rules/evaluate.ts: imports from a floor above',
      'cli/check.ts → run/check-files.ts: the command line imports the library (index.ts) alone',
    ]);
    expect(cycles(broken)).toEqual([['rules/evaluate.ts', 'rules/trace.ts']]);
  });

  it('reads the imports the compiler reads, static and dynamic', () => {
    const file = at('run/x.ts');
    expect(
      importsOf(
        file,
        "import a from './a.js';\nexport { b } from '../base/b.js';\nconst c = await import('../cli/c.js');\nimport 'node:fs';\nimport d from '../../package.json';",
      ).map((p) => relative(SRC, p)),
    ).toEqual(['run/a.ts', 'base/b.ts', 'cli/c.ts']);
  });
});

function at(path: string): string {
  return join(SRC, path);
}

/**
 * Functions that V8 (Node.js 20) lets keep what they close over alive through every
 * young-generation collection, until the next full one: a generator made inside a function, and
 * a getter or setter of an object literal made inside a function (it gets a hidden class of its
 * own, an old-generation object that holds it). Made for each record, they held each record, its
 * text and its facts, and had them copied into the old generation (issue 17: a sixth of a run's
 * time in the collector). Generators and getters are declared once: at the top of a module, in a
 * class, or in an object made when the module loads.
 */
export function madeForEachCall(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const place = (node: ts.Node): string => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${relative(SRC, file)}:${line + 1}:${character + 1}`;
  };
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const generator =
      (ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isMethodDeclaration(node)) &&
      node.asteriskToken !== undefined;
    const literalAccessor =
      (ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) &&
      ts.isObjectLiteralExpression(node.parent);
    if (inFunction && generator) found.push(`${place(node)}: a generator made inside a function`);
    if (inFunction && literalAccessor)
      found.push(`${place(node)}: a getter or setter of an object made inside a function`);
    const entersFunction = ts.isFunctionLike(node) && !ts.isClassStaticBlockDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, inFunction || entersFunction));
  };
  visit(source, false);
  return found;
}

describe('what each record makes', () => {
  it('makes no generator and no getter of an object literal inside a function', () => {
    const found = sourceFiles().flatMap((file) =>
      madeForEachCall(file, readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('finds each kind, and lets those made once be', () => {
    const text = [
      'export function* top() {}',
      'const reader = { items: function* () {}, get size() { return 1; } };',
      'class C { *[Symbol.iterator]() {} get n() { return 1; } }',
      'function made() {',
      '  function* inner() {}',
      '  const g = function* () {};',
      '  return { *[Symbol.iterator]() {}, get fr() { return ""; }, set fr(v) {} };',
      '}',
      'const arrow = () => ({ get en() { return ""; } });',
    ].join('\n');
    expect(madeForEachCall(at('x.ts'), text)).toEqual([
      'x.ts:5:3: a generator made inside a function',
      'x.ts:6:13: a generator made inside a function',
      'x.ts:7:12: a generator made inside a function',
      'x.ts:7:37: a getter or setter of an object made inside a function',
      'x.ts:7:62: a getter or setter of an object made inside a function',
      'x.ts:9:24: a getter or setter of an object made inside a function',
    ]);
  });
});
