/**
 * Exit 3 is for a bug in clausier, never for the input (the hostile and property tests check that
 * no input gives it): here a bug is made on purpose, by a checkLoaded that throws, and the CLI
 * says it is one, in one paragraph, with the stack only under CLAUSIER_DEBUG=1.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { stderr as standardError, stdout as standardOutput } from '../src/cli/output.js';
import { REFERENCE } from './helpers.js';

vi.mock('../src/pipeline.js', async (original) => ({
  ...(await original<typeof import('../src/pipeline.js')>()),
  checkLoaded: () => {
    throw new Error('a bug made on purpose');
  },
}));

/** Runs the CLI in this process; returns its exit code and what it wrote on standard error. */
async function run(args: string[]): Promise<{ exit: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(standardError, 'write').mockImplementation((chunk) => {
    stderr += chunk;
    return true;
  });
  vi.spyOn(standardOutput, 'write').mockImplementation(() => true);
  const exit = await main(args);
  return { exit, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.CLAUSIER_DEBUG;
});

describe('an internal error', () => {
  it('exits 3 and says it is a bug, not a problem with the files, without a stack', async () => {
    const { exit, stderr } = await run(['check', REFERENCE, '--format', 'json']);
    expect(exit).toBe(3);
    expect(stderr).toBe(
      'clausier: internal error: a bug made on purpose\nThis is a bug in clausier, not a problem with your files; run with CLAUSIER_DEBUG=1 for details.\n',
    );
  });

  it('shows its stack with CLAUSIER_DEBUG=1', async () => {
    process.env.CLAUSIER_DEBUG = '1';
    const { exit, stderr } = await run(['check', REFERENCE, '--format', 'json']);
    expect(exit).toBe(3);
    expect(stderr).toMatch(/^Error: a bug made on purpose\n\s+at /m);
  });
});
