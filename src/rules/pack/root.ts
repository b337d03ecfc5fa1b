/**
 * Where clausier's own package is (the folder with its `rules/` and `schemas/`), and the
 * built-in rule packs in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's folder, once found. */
let knownRoot: string | undefined;

/** The folder of clausier's own package (where `rules/` and `schemas/` are). */
export function packageRoot(): string {
  if (knownRoot !== undefined) return knownRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'rules'))) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'clausier') {
          knownRoot = dir;
          return dir;
        }
      } catch {
        // not ours: keep looking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('clausier cannot find its own rules/ folder');
    dir = parent;
  }
}

/** The folder of the built-in packs. */
export function builtInPacksDir(): string {
  return join(packageRoot(), 'rules');
}

/** The ids of the built-in packs, once found (a run chose a record's pack by them per record). */
let knownPacks: readonly string[] | undefined;

/** The ids of the built-in packs. */
export function builtInPacks(): readonly string[] {
  if (knownPacks !== undefined) return knownPacks;
  const dir = builtInPacksDir();
  knownPacks = Object.freeze(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'pack.yaml')))
      .map((e) => e.name)
      .sort(),
  );
  return knownPacks;
}
