import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every test's temporary folder is made in (test/helpers.ts tempDir). */
    tempRoot: string;
  }
}

/**
 * Builds dist/ once, so that the CLI tests run what users run; and makes the one folder the
 * tests' temporary folders go in, removed with all of them when the run ends (a run left
 * thousands of folders, some of 20 MB, in the system's temporary folder).
 */
export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const root = mkdtempSync(join(tmpdir(), 'clausier-test-'));
  project.provide('tempRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
