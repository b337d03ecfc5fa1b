// Bundled and run by scripts/build.mjs: writes the snapshot of each built-in rule pack to
// dist/packs/<pack>.json (see src/rules/pack/snapshot.ts). Loading goes through readRulePack, so that
// every check a pack passes at load time has passed when its snapshot is made.
//
// Each pack's cases are checked with it first: what its conditions said on them goes in the
// snapshot (PackEvaluator.answers), so that a one-file check whose items compare as the cases'
// do never runs json-rules-engine (issue 17). The same build makes the bundle that reads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, PackRegistry } from '../src/pipeline.js';
import { packCases } from '../src/rules/cases.js';
import { readRulePack } from '../src/rules/pack/load.js';
import { builtInPacks, builtInPacksDir, packageRoot } from '../src/rules/pack/root.js';
import { serializePack } from '../src/rules/pack/snapshot.js';

const out = join(packageRoot(), 'dist', 'packs');
mkdirSync(out, { recursive: true });
for (const id of builtInPacks()) {
  const pack = readRulePack(join(builtInPacksDir(), id));
  const registry = new PackRegistry();
  for (const { file } of packCases(pack)) await checkFile(file, { pack }, registry);
  const { evaluator } = registry.forPack(pack);
  writeFileSync(join(out, `${id}.json`), serializePack(pack, evaluator.answers()));
}
