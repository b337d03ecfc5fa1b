import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // The CLI is tested as users run it: built, in a child process. Once per run: the projects
    // below do not repeat it.
    globalSetup: ['test/global-setup.ts'],
    // Most of a test's time is a child process (the CLI, npm, Chromium, LibreOffice) while its
    // worker waits: one worker per core keeps every core busy. Vitest's default, one core less,
    // is one worker on a 2-core machine, and the files then run one after the other.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          ...timeouts,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ['test/internal-error.test.ts', 'test/portfolio.test.ts'],
          // A worker runs file after file without loading src/ and the libraries again for each:
          // the tests keep no state in modules (each makes its own temporary folders; the one that
          // sets TZ puts it back).
          isolate: false,
        },
      },
      {
        // vi.mock replaces src/pipeline.js for the whole of its worker: that file runs alone.
        test: { ...timeouts, name: 'isolated', include: ['test/internal-error.test.ts'] },
      },
      {
        // A page load timed in Chromium (the portfolio opens in under a second) is timed with no
        // other test running: after all the others, in one worker.
        test: {
          ...timeouts,
          name: 'alone',
          include: ['test/portfolio.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
