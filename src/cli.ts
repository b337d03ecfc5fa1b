// The clausier command: see src/cli/main.ts. Built into dist/clausier.cjs, which dist/cli.js
// (scripts/cli-loader.js) runs with its code cache.
import { main } from './cli/main.js';

// A reader that stops early (`clausier check ... | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
