// Runs a script (the built CLI) in this process and, at exit, writes the process's peak resident
// memory (KiB) to the file named by CLAUSIER_BENCH_RSS, and the CPU time all its threads took
// (user and system, microseconds) to the file named by CLAUSIER_BENCH_CPU when it is set: how
// bench/run.mjs measures memory, and how many cores a run keeps busy.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , script, ...args] = process.argv;
process.on('exit', () => {
  const usage = process.resourceUsage();
  if (process.env.CLAUSIER_BENCH_RSS)
    writeFileSync(process.env.CLAUSIER_BENCH_RSS, String(usage.maxRSS));
  if (process.env.CLAUSIER_BENCH_CPU)
    writeFileSync(process.env.CLAUSIER_BENCH_CPU, String(usage.userCPUTime + usage.systemCPUTime));
});
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(script).href);
