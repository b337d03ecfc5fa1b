// Where the time of checking a record goes, in one process. bench/run.mjs bundles this file with
// esbuild and runs it on a folder:
//
//   node stages.mjs DIR PACK   prints one line of JSON: milliseconds per record, stage by stage,
//                              derived fact by derived fact, rule by rule
//
// Five passes over the folder (after one that warms the code up), each with a fresh evaluator as `clausier check DIR --jobs 1`
// makes it (its memo kept across the records of a pass):
//
// 1. the stages of `check --format json`: the file's bytes, loading (text, YAML, schema, exact
//    values), checking (inspectLoaded: as it stood, measuring, evaluating, wording and locating
//    the findings), the report's JSON entry. Their sum is a record's time. V8's collections of
//    garbage in this pass (node:perf_hooks 'gc' entries) are charged to the stage during which
//    each began: the stage that allocated when the heap was full, not always the one that made
//    the garbage;
// 2. inside checking, its steps one by one, with json-rules-engine's own share of evaluating;
// 3. inside loading, its steps one by one;
// 4. each rule alone, over items made beforehand: what evaluating that rule costs. Rules over
//    the same items share their work when run together, so these add up to more than step 2's
//    evaluation;
// 5. each derived fact (a formula of the pack's facts.yaml), the reader of each collection of
//    the record, and the making of each collection's items: the time spent in each, not in what
//    it calls (another fact is charged to itself). Timing each call costs time too: the shares
//    are of this pass's own total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { inspectLoaded, PackRegistry, parseAsOf } from '../src/pipeline.js';
import { recordAsOf } from '../src/facts/as-of.js';
import { deriveFacts, type Facts, type PackFacts } from '../src/facts/derive.js';
import type { Compiled, Scope } from '../src/facts/formula.js';
import { READER_GLOBALS } from '../src/facts/reader.js';
import { decodeRecord } from '../src/load/decode.js';
import { loadRecordBytes, type LoadedRecord } from '../src/load/index.js';
import { validateParsed } from '../src/load/validate.js';
import { parseYaml } from '../src/load/yaml/parse.js';
import type { ProgrammeRecord } from '../src/model/programme.js';
import { entryText } from '../src/report/json.js';
import { ConditionEvaluator } from '../src/rules/engine.js';
import { PackEvaluator } from '../src/rules/evaluate.js';
import { loadRulePack } from '../src/rules/pack/load.js';

const [dir, packDir] = process.argv.slice(2);
if (dir === undefined || packDir === undefined) {
  process.stderr.write('usage: node stages.mjs DIR PACK\n');
  process.exit(2);
}

const files = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(dir, name));

/** Milliseconds per name, summed over a pass; divided by the records at the end. */
class Clock {
  readonly ms = new Map<string, number>();
  /** When kept: each timed call, in the order made, as [name, start, end]. */
  readonly spans: [string, number, number][] | undefined;
  constructor(keepSpans = false) {
    this.spans = keepSpans ? [] : undefined;
  }
  add(name: string, ms: number): void {
    this.ms.set(name, (this.ms.get(name) ?? 0) + ms);
  }
  private stop(name: string, start: number): void {
    const end = performance.now();
    this.add(name, end - start);
    this.spans?.push([name, start, end]);
  }
  /** Runs `f`, adding its time to `name`. */
  time<T>(name: string, f: () => T): T {
    const start = performance.now();
    try {
      return f();
    } finally {
      this.stop(name, start);
    }
  }
  async timeAsync<T>(name: string, f: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await f();
    } finally {
      this.stop(name, start);
    }
  }
  perRecord(records: number): Record<string, number> {
    return Object.fromEntries([...this.ms].map(([name, ms]) => [name, ms / records]));
  }
}

/** A record's evaluation date, as check chooses it (the record's own, else a fixed day). */
const asOfOf = (record: ProgrammeRecord) => parseAsOf(record.asOf ?? '2030-01-01');

// 1. The stages of a check, as the command runs them for the JSON report.
// A first pass, untimed, warms the code up, as the first files of a large folder do.
let pipeline = new Clock();
const collections: { start: number; duration: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const { startTime, duration } of list.getEntries())
    collections.push({ start: startTime, duration });
});
observer.observe({ entryTypes: ['gc'] });
for (const pass of ['warm-up', 'timed']) {
  // Only the timed pass's calls are kept, to charge its collections of garbage to them.
  pipeline = new Clock(pass === 'timed');
  const pack = loadRulePack(packDir);
  const registry = new PackRegistry();
  for (const file of files) {
    const bytes = pipeline.time('file', () => readFileSync(file));
    const loaded = pipeline.time('load', () => loadRecordBytes(bytes, file));
    const { report } = await pipeline.timeAsync('check', () =>
      inspectLoaded(loaded, { pack }, registry),
    );
    pipeline.time('json', () => entryText(report));
  }
}
// The observer is given the passes' entries once the event loop turns.
await new Promise((resolve) => setTimeout(resolve, 20));
observer.disconnect();
/** Milliseconds of collecting garbage by the stage during which each collection began. */
const collecting = new Clock();
{
  // The entries of both passes, delivered together: those of the timed pass are charged.
  const spans = pipeline.spans!;
  const [first, last] = [spans[0]?.[1] ?? Infinity, spans.at(-1)?.[2] ?? -Infinity];
  let at = 0;
  for (const { start, duration } of collections.sort((a, b) => a.start - b.start)) {
    if (start < first || start > last) continue;
    while (spans[at]![2] < start) at++;
    const [name, from] = spans[at]!;
    collecting.add(from <= start ? name : 'between stages', duration);
  }
}

// The records, loaded once more and kept for the steps below (the timed pass keeps none, as
// the command keeps none: a heap that grows makes each collection longer).
const loadedRecords: { loaded: LoadedRecord; record: ProgrammeRecord }[] = [];
for (const file of files) {
  const loaded = loadRecordBytes(readFileSync(file), file);
  if (loaded.record) loadedRecords.push({ loaded, record: loaded.record });
}
const records = files.length;
const judged = loadedRecords.length;

// 2. Inside checking: as it stood, measuring, evaluating, wording and locating.
// Every run of json-rules-engine goes through ConditionEvaluator.evaluate: time it there.
let engineMs = 0;
let engineRuns = 0;
const evaluateWithEngine = ConditionEvaluator.prototype.evaluate;
ConditionEvaluator.prototype.evaluate = async function timed(this: ConditionEvaluator, facts) {
  const start = performance.now();
  engineRuns++;
  try {
    return await evaluateWithEngine.call(this, facts);
  } finally {
    engineMs += performance.now() - start;
  }
};
const checking = new Clock();
{
  const pack = loadRulePack(packDir);
  const evaluator = new PackEvaluator(pack);
  for (const { loaded, record } of loadedRecords) {
    const asOf = asOfOf(record);
    const stood = checking.time('as it stood', () => recordAsOf(record, asOf));
    const facts = checking.time('measure', () =>
      deriveFacts(stood.record, pack.parameters, pack.derived, asOf),
    );
    const findings = await checking.timeAsync('evaluate', () => evaluator.evaluate(facts));
    // A report reads each finding's message in one language (French by default), and places it.
    checking.time('word and locate', () => {
      for (const finding of findings) {
        void finding.text.fr;
        for (const pointer of finding.pointers) loaded.locate(stood.original(pointer));
      }
      for (const { pointer } of stood.notYet) loaded.locate(pointer);
    });
  }
}
ConditionEvaluator.prototype.evaluate = evaluateWithEngine;

// 3. Inside loading: YAML, the schema, the exact values.
const loading = new Clock();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const parsed = loading.time('yaml', () => parseYaml(text));
  if (parsed.value === undefined) continue;
  const root = parsed.value;
  const schema = loading.time('schema', () => validateParsed(parsed));
  loading.time('exact values', () =>
    decodeRecord(root, (pointer) => parsed.positions.sourceText(root, pointer), schema),
  );
}

// 4. Each rule alone, over the items made beforehand.
const ruleClock = new Clock();
{
  const pack = loadRulePack(packDir);
  const alone = pack.rules.map((rule) => ({
    rule,
    evaluator: new PackEvaluator({ ...pack, rules: [rule] }),
  }));
  for (const { record } of loadedRecords) {
    const asOf = asOfOf(record);
    const stood = recordAsOf(record, asOf);
    const facts = deriveFacts(stood.record, pack.parameters, pack.derived, asOf);
    // Each collection made once, as lists, before any rule is timed: a rule's time is then its
    // own, not its items' (made on first reading, they were charged to the first rule over them).
    const made: Facts = { ...facts, items: (name: string) => facts.collections[name] ?? [] };
    for (const { rule } of alone) void made.items(rule.over);
    for (const { rule, evaluator } of alone) {
      const findings = await ruleClock.timeAsync(rule.id, () => evaluator.evaluate(made));
      ruleClock.time(rule.id, () => findings.forEach((f) => void f.text.fr));
    }
  }
}

// 5. Each derived fact, reader and collection, by the time spent in it and not in what it calls.
const factClock = new Clock();
let factsTotal: number;
{
  const pack = loadRulePack(packDir);
  let current = '(not in a fact)';
  let since = 0;
  const stack: string[] = [];
  const enter = (name: string): void => {
    const now = performance.now();
    factClock.add(current, now - since);
    stack.push(current);
    current = name;
    since = now;
  };
  const leave = (): void => {
    const now = performance.now();
    factClock.add(current, now - since);
    current = stack.pop()!;
    since = now;
  };
  const timed =
    <A extends unknown[], R>(name: string, f: (...args: A) => R) =>
    (...args: A): R => {
      enter(name);
      try {
        return f(...args);
      } finally {
        leave();
      }
    };
  /** A generator's steps, each timed under `name`. */
  const timedSteps = <T>(name: string, items: Iterable<T>): Iterable<T> => ({
    *[Symbol.iterator]() {
      const iterator = items[Symbol.iterator]();
      for (;;) {
        enter(name);
        let step: IteratorResult<T>;
        try {
          step = iterator.next();
        } finally {
          leave();
        }
        if (step.done) return;
        yield step.value;
      }
    },
  });
  instrument(pack.derived, timed, timedSteps);
  for (const [name, reader] of Object.entries(READER_GLOBALS))
    reader.read = timed(`record: ${name}`, reader.read.bind(reader));

  const evaluator = new PackEvaluator(pack);
  const start = performance.now();
  for (const { loaded, record } of loadedRecords) {
    since = performance.now();
    const asOf = asOfOf(record);
    const stood = recordAsOf(record, asOf);
    const facts = deriveFacts(stood.record, pack.parameters, pack.derived, asOf);
    const items = facts.items;
    const timedFacts: Facts = {
      ...facts,
      items: (name: string) => timedSteps(`items of ${name}`, items(name)),
    };
    const findings = await evaluator.evaluate(timedFacts);
    for (const finding of findings) {
      void finding.text.fr;
      for (const pointer of finding.pointers) loaded.locate(stood.original(pointer));
    }
    factClock.add(current, performance.now() - since);
  }
  factsTotal = (performance.now() - start) / Math.max(judged, 1);
}

/** Wraps every compiled formula of a pack's derived facts, and its readers, in `timed`. */
function instrument(
  derived: PackFacts,
  timed: <A extends unknown[], R>(name: string, f: (...args: A) => R) => (...args: A) => R,
  timedSteps: <T>(name: string, items: Iterable<T>) => Iterable<T>,
): void {
  type GlobalPlan = PackFacts['globals'] extends Map<string, infer P> ? P : never;
  const global = (name: string, plan: GlobalPlan): void => {
    if (plan.compiled) plan.compiled = timed(name, plan.compiled);
    for (const [field, inner] of plan.fields ?? []) global(`${name}.${field}`, inner);
  };
  for (const [name, plan] of derived.globals) global(name, plan);
  for (const [name, plan] of derived.collections) {
    for (const field of plan.fields)
      field.compiled = timed(`${name}.${field.name}`, field.compiled);
    if (plan.reader) {
      const reader = plan.reader;
      plan.reader = {
        ...reader,
        items: (record: ProgrammeRecord) => timedSteps(`record: ${name}`, reader.items(record)),
      };
    }
    if (plan.made) {
      const made = plan.made;
      const weeks = (part: string, f: Compiled): Compiled =>
        timed(`${name} (weeks ${part})`, (s: Scope) => f(s));
      plan.made = {
        ...made,
        ...(made.where && { where: weeks('where', made.where) }),
        from: weeks('from', made.from),
        to: weeks('to', made.to),
      };
    }
  }
}

const sorted = (clock: Clock, count: number) =>
  Object.entries(clock.perRecord(Math.max(count, 1)))
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms);

const pipelineMs = pipeline.perRecord(records);
const rulesOver = new Map(loadRulePack(packDir).rules.map((rule) => [rule.id, rule.over] as const));
process.stdout.write(
  JSON.stringify({
    records,
    judged,
    stages: pipelineMs,
    collecting: collecting.perRecord(records),
    checking: checking.perRecord(Math.max(judged, 1)),
    loading: loading.perRecord(records),
    engine: engineMs / Math.max(judged, 1),
    engineRuns,
    rules: sorted(ruleClock, judged).map((r) => ({ ...r, over: rulesOver.get(r.name) })),
    facts: sorted(factClock, judged),
    factsTotal,
  }) + '\n',
);
