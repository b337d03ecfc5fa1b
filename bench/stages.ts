// Where the time of checking a record goes, in one process: reading it (YAML, schema, exact
// decoding), measuring its facts, and evaluating the rules, with json-rules-engine's own share of
// that evaluation. bench/run.mjs bundles this file with esbuild and runs it on a folder:
//
//   node stages.mjs DIR PACK   prints one line of JSON: milliseconds per record for each stage
//
// One pass over the folder with a fresh evaluator, as `clausier check DIR --jobs 1` makes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAsOf } from '../src/check.js';
import { deriveFacts } from '../src/facts/derive.js';
import { loadRecordText } from '../src/load/index.js';
import { ConditionEvaluator } from '../src/rules/engine.js';
import { PackEvaluator } from '../src/rules/evaluate.js';
import { loadRulePack } from '../src/rules/pack.js';

const [dir, packDir] = process.argv.slice(2);
if (dir === undefined || packDir === undefined) {
  process.stderr.write('usage: node stages.mjs DIR PACK\n');
  process.exit(2);
}

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

const pack = loadRulePack(packDir);
const evaluator = new PackEvaluator(pack);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(join(dir, name), 'utf8'));
const asOf = parseAsOf('2030-01-01');

let read = 0;
let measured = 0;
let evaluated = 0;
let records = 0;
for (const [index, text] of files.entries()) {
  const start = performance.now();
  const loaded = loadRecordText(text, `record-${index}.yaml`);
  const afterRead = performance.now();
  read += afterRead - start;
  if (!loaded.record) continue;
  const facts = deriveFacts(loaded.record, pack.parameters, pack.derived, asOf);
  const afterMeasure = performance.now();
  const findings = await evaluator.evaluate(facts);
  // A report reads each finding's message in one language.
  for (const finding of findings) void finding.text.en;
  evaluated += performance.now() - afterMeasure;
  measured += afterMeasure - afterRead;
  records++;
}

const perRecord = (ms: number): number => ms / Math.max(records, 1);
process.stdout.write(
  JSON.stringify({
    records,
    read: perRecord(read),
    measure: perRecord(measured),
    evaluate: perRecord(evaluated),
    engine: perRecord(engineMs),
    engineRuns,
  }) + '\n',
);
