// The floor the throughput of clausier is measured against: read each record and load it with
// js-yaml (the fastest YAML reader in JavaScript; it keeps no source positions), nothing more.
// js-yaml is no dependency of clausier: it is taken from the folder bench/peer-packages.mjs
// installs it in.
//   node bench/load-only.mjs DIR PEERS
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [dir, peers] = process.argv.slice(2);
const { load } = createRequire(join(peers, 'package.json'))('js-yaml');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join(dir, f));
let values = 0;
for (const file of files) {
  if (load(readFileSync(file, 'utf8'))) values++;
}
process.stdout.write(`${files.length} ${values}\n`);
