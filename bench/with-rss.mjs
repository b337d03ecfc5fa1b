// Runs a script (the built CLI) in this process and, at exit, writes the process's peak resident
// memory (KiB) to the file named by CLAUSIER_BENCH_RSS: how bench/run.mjs measures memory.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , script, ...args] = process.argv;
process.on('exit', () => {
  if (process.env.CLAUSIER_BENCH_RSS)
    writeFileSync(process.env.CLAUSIER_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(script).href);
