// Which Node.js the V8 code cache of a built dist/ serves, as dist/load.cjs decides it: the cache
// is handed to V8 only when its stamp names this very bundle (size and modification time) and
// this architecture (scripts/load.cjs). The bench says so when it is not this Node.js's, since the
// cold check is then measured without it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node.js version the code cache in `dist` was made by, when it was made for the bundle
 * beside it on this architecture; 'another bundle' when it was not (a copy of dist/ has new
 * modification times); 'none' without a readable one.
 */
export function codeCacheNode(dist) {
  let file;
  try {
    file = readFileSync(join(dist, 'clausier.cjs.v8cache'));
  } catch {
    return 'none';
  }
  try {
    const stamp = JSON.parse(file.toString('utf8', 4, 4 + file.readUInt32LE(0)));
    const { size, mtimeMs } = statSync(join(dist, 'clausier.cjs'));
    return stamp.size === size && stamp.mtimeMs === mtimeMs && stamp.arch === process.arch
      ? stamp.node
      : 'another bundle';
  } catch {
    return 'none';
  }
}

/** What the bench says of `dist` when its code cache does not serve Node.js `version`. */
export function codeCacheWarning(dist, version = process.version) {
  const made = codeCacheNode(dist);
  if (made === version) return undefined;
  const why =
    made === 'none'
      ? 'it has none'
      : made === 'another bundle'
        ? 'its cache was made for another bundle'
        : `its cache was made by Node.js ${made}`;
  return `bench: dist/ holds no V8 code cache for this Node.js, ${version} (${why}): the cold check is measured without it. Run npm run build with this Node.js first.`;
}
