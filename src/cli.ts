#!/usr/bin/env node
// The clausier command: see src/cli/main.ts.
import { main } from './cli/main.js';

// A reader that stops early (`clausier check ... | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
