// Bundled and run by scripts/build.mjs: writes the snapshot of each built-in rule pack to
// dist/packs/<pack>.json (see src/rules/snapshot.ts). Loading goes through readRulePack, so that
// every check a pack passes at load time has passed when its snapshot is made.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInPacks, builtInPacksDir, packageRoot, readRulePack } from '../src/rules/pack.js';
import { serializePack } from '../src/rules/snapshot.js';

const out = join(packageRoot(), 'dist', 'packs');
mkdirSync(out, { recursive: true });
for (const id of builtInPacks()) {
  writeFileSync(join(out, `${id}.json`), serializePack(readRulePack(join(builtInPacksDir(), id))));
}
