// The entry script of the GitHub Action (action.yml): reads the action's inputs from the
// environment (INPUT_*), runs `clausier check` once for the annotations (on standard output, where
// the runner reads workflow commands), the SARIF report and the other reports asked for, writes
// the step's outputs, appends the Markdown report to the job's summary, and exits as clausier did.
// Inputs come through the environment, never through the shell: a file name is never code.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');
// Formats are separated by spaces or commas; paths by spaces or new lines only, as action.yml
// says, since a comma may be part of a file's name.
const split = (value, separator) => (value ?? '').split(separator).filter((item) => item !== '');
const list = (value) => split(value, /[\s,]+/);
const paths = (value) => split(value, /\s+/);
/** A problem with the inputs: an annotation on the workflow, and exit 2 as for bad usage. */
const refuse = (message) => {
  console.log(`::error title=clausier::${message}`);
  process.exit(2);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  refuse(`clausier needs Node.js 20.19 or later, and this runner has ${process.version}`);

const failOn = env.INPUT_FAIL_ON || 'warning';
if (!['error', 'warning', 'undetermined', 'pending'].includes(failOn))
  refuse(`fail-on: '${failOn}' is not one of error, warning, undetermined or pending`);
const lang = env.INPUT_LANG || 'fr';
if (!['fr', 'en'].includes(lang)) refuse(`lang: '${lang}' is not fr or en`);
// Annotations and SARIF are written anyway; the other formats, each to its own file.
const formats = list(env.INPUT_FORMAT).filter((f) => f !== 'github' && f !== 'sarif');
const files = paths(env.INPUT_FILES || '.');

const reports = join(env.RUNNER_TEMP || process.cwd(), 'clausier-reports');
mkdirSync(reports, { recursive: true });
const sarif = join(reports, 'clausier.sarif');
const outputOf = (format) => join(reports, `clausier.${format === 'markdown' ? 'md' : format}`);
const args = [
  'check',
  ...files,
  '--format',
  'github',
  '--output.sarif',
  sarif,
  ...formats.flatMap((format) => [`--output.${format}`, outputOf(format)]),
  '--fail-on',
  failOn,
  '--lang',
  lang,
  ...(env.INPUT_RULES ? ['--rules', env.INPUT_RULES] : []),
  ...paths(env.INPUT_WAIVERS).flatMap((file) => ['--waivers', file]),
];
const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
const code = run.status ?? 3;

const wrote = (path) => {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
};
if (env.GITHUB_OUTPUT) {
  appendFileSync(
    env.GITHUB_OUTPUT,
    `sarif=${wrote(sarif) ? sarif : ''}\nreports=${reports}\nexit-code=${code}\n`,
  );
}
if (env.GITHUB_STEP_SUMMARY && formats.includes('markdown') && wrote(outputOf('markdown')))
  appendFileSync(env.GITHUB_STEP_SUMMARY, readFileSync(outputOf('markdown'), 'utf8'));
process.exit(code);
