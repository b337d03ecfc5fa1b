// The `yaml` loop, beside which the throughput of clausier is also measured: read each record and
// parse it with the `yaml` package (parseDocument, which keeps where everything is written),
// nothing more. The floor is bench/load-only.mjs.
//   node bench/parse-only.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join(dir, f));
let nodes = 0;
for (const file of files) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.contents) nodes++;
}
process.stdout.write(`${files.length} ${nodes}\n`);
