/**
 * clausier at a terminal and in pipes, run as users run it: in a pseudo-terminal (util-linux's
 * `script`), the progress bar never shares a line with the report; a reader that closes the pipe
 * ends the run as it ends any command; a dumb terminal gets no colours; a usage error is one line
 * and a hint, not the whole help.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { after } from '../src/cli/output.js';
import { CLI, ROOT, runCli, tempDir } from './helpers.js';

const CAP = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');
const REFERENCE = join(ROOT, 'cases/les-lilas-2019.yaml');

/** A folder of `count` records: compliant ones, and a breaching one every tenth. */
function records(count: number): string {
  const dir = tempDir('clausier-terminal-');
  for (let i = 1; i <= count; i++)
    copyFileSync(i % 10 === 0 ? CAP : REFERENCE, join(dir, `r${String(i).padStart(3, '0')}.yaml`));
  return dir;
}

/** Runs the CLI in a pseudo-terminal: what the terminal received, and the exit status. */
function inTerminal(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { screen: string; status: number | null } {
  const command = [process.execPath, CLI, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(' ');
  const run = spawnSync('script', ['-qefc', command, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { screen: run.stdout, status: run.status };
}

/**
 * The lines a terminal shows for what it received: a carriage return goes back to the start of
 * the line, `ESC [2K` clears it, other characters are written over what is there.
 */
function screenLines(received: string): string[] {
  const lines: string[][] = [[]];
  let column = 0;
  for (let i = 0; i < received.length; i++) {
    const c = received[i]!;
    const line = lines[lines.length - 1]!;
    if (c === '\r') column = 0;
    else if (c === '\n') {
      lines.push([]);
      column = 0;
    } else if (c === '\u001b' && received[i + 1] === '[') {
      const end = received.slice(i + 2).search(/[A-Za-z]/);
      const sequence = received.slice(i + 2, i + 3 + end);
      if (sequence === '2K') line.length = 0;
      i += 2 + end;
    } else {
      line[column++] = c;
    }
  }
  return lines.map((l) => Array.from(l, (c) => c ?? ' ').join(''));
}

describe('the progress bar', () => {
  it('never shares a line with the report, with 300 files at a terminal', () => {
    const dir = records(300);
    const plain = runCli(['check', dir, '--lang', 'en']);
    expect(plain.status).toBe(1);
    const { screen, status } = inTerminal(['check', dir, '--lang', 'en', '--no-color']);
    expect(status).toBe(1);
    // The bar was drawn, and drawn again as the run went on...
    expect(screen.match(/\[#*\.*\] \d+\/300 files/g)?.length).toBeGreaterThan(1);
    // ...and the terminal shows the report exactly as a pipe receives it, line for line.
    expect(screenLines(screen).join('\n')).toBe(plain.stdout.replace(/\n$/, '\n'));
  }, 120_000);

  it('counts files in French for a French run', () => {
    const { screen } = inTerminal(['check', records(40), '--lang', 'fr', '--no-color']);
    expect(screen).toMatch(/\] 40\/40 fichiers/);
  }, 60_000);

  it('is not drawn when standard error is not a terminal', () => {
    const run = runCli(['check', records(30), '--lang', 'en']);
    expect(run.stderr).toBe('');
  });
});

describe('a closed pipe', () => {
  it('ends the run by SIGPIPE, as any command, not with the status of a finished run', async () => {
    const dir = records(300);
    const child = spawn(process.execPath, [CLI, 'check', dir, '--lang', 'en'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader takes the first line and goes, as `| head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('close', (c, s) => done([c, s])),
    );
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGPIPE' });
    expect(stderr).toBe('');
  }, 60_000);

  it('is seen by a shell as status 141', () => {
    const dir = records(300);
    const shell = spawnSync(
      'bash',
      ['-c', `'${process.execPath}' '${CLI}' check '${dir}' | head -1; echo "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
    );
    expect(shell.stdout.split('\n').slice(0, 2)).toEqual([
      `${dir}/r001.yaml: compliant as of 2020-06-30`,
      '141',
    ]);
  }, 60_000);
});

describe('a pipe another program left non-blocking', () => {
  // Python's os.set_blocking makes the pipe's writing end non-blocking before clausier gets it,
  // and the reader waits before it reads, so that the pipe fills and a write would block: what
  // could not be written at once goes through Node's stream, whole and in order.
  const NON_BLOCKING_READER = [
    'import os, subprocess, sys, time',
    'r, w = os.pipe()',
    'os.set_blocking(w, False)',
    'child = subprocess.Popen(sys.argv[1:], stdout=w)',
    'os.close(w)',
    'time.sleep(1)',
    'chunks = []',
    'while True:',
    '    chunk = os.read(r, 65536)',
    '    if not chunk: break',
    '    chunks.append(chunk)',
    'sys.stdout.buffer.write(b"".join(chunks))',
    'sys.exit(child.wait())',
  ].join('\n');

  /** What clausier writes to a pipe it was given non-blocking, with its exit code. */
  const throughNonBlockingPipe = (args: string[]) =>
    spawnSync('python3', ['-c', NON_BLOCKING_READER, process.execPath, CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });

  it('receives the whole report, as a blocking pipe does', () => {
    const dir = records(200);
    const args = ['check', dir, '--format', 'json', '--lang', 'en'];
    const blocking = runCli(args);
    expect(blocking.stdout.length).toBeGreaterThan(256 * 1024);
    const run = throughNonBlockingPipe(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(blocking.stdout);
  }, 60_000);

  it('receives the whole report from the cache, written in pieces (writev), as a blocking pipe does', () => {
    const dir = records(200);
    const cache = tempDir('clausier-terminal-cache-');
    const args = ['check', dir, '--format', 'json', '--lang', 'en', '--cache-location', cache];
    const blocking = runCli([...args, '--cache']);
    expect(blocking.stdout.length).toBeGreaterThan(256 * 1024);
    // Every record is in the cache now: each entry is written as its name, then the kept bytes.
    const run = throughNonBlockingPipe([...args, '--cache']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(blocking.stdout);
  }, 60_000);
});

describe('pieces written in part', () => {
  const pieces = [Buffer.from('ab'), Buffer.from(''), Buffer.from('cde'), Buffer.from('f')];
  it.each([0, 1, 2, 3, 4, 5, 6])(
    'after %i bytes, the rest, in order, without empty pieces first',
    (count) => {
      const rest = after(pieces, count);
      expect(Buffer.concat(rest).toString()).toBe('abcdef'.slice(count));
      if (rest.length > 0) expect(rest[0]!.length).toBeGreaterThan(0);
      // The pieces given are left as they were.
      expect(pieces.map((p) => p.toString())).toEqual(['ab', '', 'cde', 'f']);
    },
  );
});

describe('colours', () => {
  it('on a terminal, unless it is a dumb one', () => {
    const colourful = inTerminal(['check', CAP, '--lang', 'en']);
    expect(colourful.screen).toContain('\u001b[31merror\u001b[39m');
    const dumb = inTerminal(['check', CAP, '--lang', 'en'], { TERM: 'dumb' });
    expect(dumb.screen).toContain('error');
    expect(dumb.screen).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`));
    // --color still forces them.
    expect(
      inTerminal(['check', CAP, '--lang', 'en', '--color'], { TERM: 'dumb' }).screen,
    ).toContain('\u001b[31merror\u001b[39m');
  }, 60_000);
});

describe('a usage error', () => {
  it('is one line and a hint, in the language of the run, and exits 2', () => {
    const english = runCli(['check', CAP, '--formt', 'json']);
    expect(english.status).toBe(2);
    expect(english.stdout).toBe('');
    expect(english.stderr).toBe(
      "clausier check: unknown option '--formt' (did you mean --format?)\nTry 'clausier check --help'.\n",
    );
    const french = runCli(['check', CAP, '--formt', 'json', '--lang', 'fr']);
    expect(french.stderr).toBe(
      "clausier check : option inconnue '--formt' (vouliez-vous dire --format ?)\nVoir « clausier check --help ».\n",
    );
    expect(runCli(['chek'], { env: { LANG: 'fr_FR.UTF-8' } }).stderr).toBe(
      "clausier : commande inconnue 'chek' (vouliez-vous dire check ?)\nVoir « clausier --help ».\n",
    );
    expect(runCli(['check', '-f', 'jsn', CAP]).stderr).toBe(
      "clausier check: option '-f, --format <format>' argument 'jsn' is invalid. Allowed choices are text, json, sarif, junit, github, markdown.\nTry 'clausier check --help'.\n",
    );
    expect(runCli(['report']).stderr).toBe(
      "clausier report: missing required argument 'records'\nTry 'clausier report --help'.\n",
    );
  });

  it('--help is in French for a French run, and in English otherwise', () => {
    const french = runCli(['check', '--help', '--lang', 'fr']);
    expect(french.status).toBe(0);
    expect(french.stdout).toMatch(/^Utilisation : clausier check \[options\] <paths\.\.\.>\n/);
    expect(french.stdout).toContain('Options :\n');
    expect(french.stdout).toContain('-h, --help              afficher l’aide de la commande');
    expect(french.stdout).toMatch(/--fail-on <level>\s+ce qui donne le code de sortie 1/);
    expect(french.stdout).toMatch(/par\s+défaut\s+:\s+"warning"\)/);
    const english = runCli(['check', '--help']);
    expect(english.stdout).toMatch(/^Usage: clausier check \[options\] <paths\.\.\.>\n/);
    expect(english.stdout).toMatch(/--fail-on <level>\s+what makes the exit code 1/);
    expect(runCli(['--help'], { env: { LANG: 'fr_FR.UTF-8' } }).stdout).toContain('Commandes :\n');
  });
});
