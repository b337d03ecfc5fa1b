// The tools clausier is measured against, installed by npm in a temporary folder of their own:
// never dependencies of clausier, and never taken from its node_modules (where one is there by
// chance, under another package, it is not the version measured here).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** js-yaml: the fastest YAML reader in JavaScript, which keeps no source positions: the floor. */
export const JS_YAML = 'js-yaml@4';
/** Spectral: the YAML linter a CI user would pick (6.16 runs on Node 20.17 and later). */
export const SPECTRAL = '@stoplight/spectral-cli@6.16.3';

/**
 * A folder where `specs` are installed (each `name@range`), made once and kept between runs:
 * under CLAUSIER_BENCH_PEERS, else the system's temporary folder. Installed without their
 * install scripts (Spectral's only one sends usage analytics), then moved into place whole, so
 * that two runs at once never share a half-made folder.
 */
export function installPeers(specs) {
  const base = process.env.CLAUSIER_BENCH_PEERS ?? join(tmpdir(), 'clausier-bench-peers');
  const dir = join(base, specs.map((spec) => spec.replace(/[^\w.]+/g, '-')).join('+'));
  if (existsSync(join(dir, '.installed'))) return dir;
  const staging = `${dir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
  const npm = spawnSync(
    'npm',
    ['install', '--prefix', staging, '--ignore-scripts', '--no-audit', '--no-fund', ...specs],
    { cwd: staging, encoding: 'utf8', env: { ...process.env, SCARF_ANALYTICS: 'false' } },
  );
  if (npm.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`npm could not install ${specs.join(' ')}:\n${npm.stderr ?? npm.error}`);
  }
  writeFileSync(join(staging, '.installed'), specs.join('\n') + '\n');
  try {
    renameSync(staging, dir);
  } catch {
    // Another run installed them first: its folder serves.
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** The manifest of a package installed in a peers folder. */
const manifest = (dir, name) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));

/** The version of a package installed in a peers folder. */
export const versionOf = (dir, name) => manifest(dir, name).version;

/** The script of a package's command (its `bin`), to run with node. */
export function binOf(dir, name, command) {
  const { bin } = manifest(dir, name);
  return join(dir, 'node_modules', name, typeof bin === 'string' ? bin : bin[command]);
}
