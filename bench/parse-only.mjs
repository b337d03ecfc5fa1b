// The floor the throughput of clausier is measured against: read each record and parse it with
// the `yaml` package (parseDocument), nothing more. Prints the files per second.
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
