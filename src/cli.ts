// The clausier command: see src/cli/main.ts. Part of the one bundle, dist/clausier.cjs, which
// dist/cli.cjs (scripts/cli.cjs) starts.
import { main } from './cli/main.js';
import { endByClosedPipe } from './cli/output.js';

/** Runs the command with its arguments, and sets the process's exit code. */
export function runCommandLine(argv: string[]): void {
  // A reader that stops early (`clausier check ... | head`): stop as any command does, by
  // SIGPIPE, not with the status of a run that was not finished.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') endByClosedPipe();
      throw error;
    });
  }
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
