// Bundled and run by scripts/build.mjs: writes the snapshot of each built-in rule pack to
// dist/packs/<pack>.json (see src/rules/pack/snapshot.ts). Loading goes through readRulePack, so that
// every check a pack passes at load time has passed when its snapshot is made.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRulePack } from '../src/rules/pack/load.js';
import { builtInPacks, builtInPacksDir, packageRoot } from '../src/rules/pack/root.js';
import { serializePack } from '../src/rules/pack/snapshot.js';

const out = join(packageRoot(), 'dist', 'packs');
mkdirSync(out, { recursive: true });
for (const id of builtInPacks()) {
  writeFileSync(join(out, `${id}.json`), serializePack(readRulePack(join(builtInPacksDir(), id))));
}
