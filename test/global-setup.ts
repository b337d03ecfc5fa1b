import { execFileSync } from 'node:child_process';

/** Builds dist/ once, so that the CLI tests run what users run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
