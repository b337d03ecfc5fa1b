// The clausier command: see src/cli/main.ts. Part of the one bundle, dist/clausier.cjs, which
// dist/cli.cjs (scripts/cli.cjs) starts.
import { main } from './cli/main.js';

/**
 * Runs the command with its arguments, and sets the process's exit code. Everything it prints goes
 * through src/cli/output.ts (stdout, stderr), which ends the run by SIGPIPE when the reader stops
 * early (`clausier check ... | head`), as any command is ended.
 */
export function runCommandLine(argv: string[]): void {
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
