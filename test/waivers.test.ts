/**
 * Waivers: accepted deviations turn matching breaches into `waived` findings, counted apart; an
 * expired, not yet approved or unmatched waiver is reported and fails the run by default.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const CAP = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');
const TWO = join(
  ROOT,
  'cases/A4-CAP/two-payments-totalling-12000-euros-breach-the-cap-and-the-single-payment.yaml',
);

const entry = (record: string, fields: Record<string, string>): string => {
  const lines = Object.entries({
    reason: 'Dépassement accepté.',
    approvedBy: 'Jeanne Martin, contrôleuse financière',
    approved: '2020-06-01',
    until: '2020-12-31',
    ...fields,
  }).map(([k, v]) => `    ${k}: ${v}\n`);
  return `  - record: ${record}\n${lines.join('')}`;
};

/** A file of one waiver for a record, in a folder of its own (the record named from there). */
function waiverFile(record: string, fields: Record<string, string>): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'waivers.yaml');
  // The record's path is relative to the waiver file.
  writeFileSync(file, `waivers:\n${entry(relative(dir, record), fields)}`);
  return { dir, file };
}

const CAP_WAIVER = { rule: 'A4-CAP', pointer: '/payments/0/amount' };

describe('waivers', () => {
  it('turn a matching breach into a waived finding, counted apart; the run passes', () => {
    const { file } = waiverFile(CAP, CAP_WAIVER);
    const run = runCli(['check', CAP, '--waivers', file, '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    const waived = report.files[0].findings.filter(
      (f: { status: string }) => f.status === 'waived',
    );
    expect(waived).toHaveLength(1);
    expect(waived[0]).toMatchObject({
      rule: 'A4-CAP',
      locations: [{ pointer: '/payments/0/amount', line: 177, column: 5 }],
      waiver: {
        reason: 'Dépassement accepté.',
        approvedBy: 'Jeanne Martin, contrôleuse financière',
        approved: '2020-06-01',
        until: '2020-12-31',
        file,
        line: 2,
      },
    });
    expect(report.files[0].verdict).toBe('compliant');
    expect(report.files[0].waivers).toEqual([
      {
        status: 'applied',
        rule: 'A4-CAP',
        pointer: '/payments/0/amount',
        message:
          'waiver for A4-CAP (/payments/0/amount) approved by Jeanne Martin, contrôleuse financière on 2020-06-01, until 2020-12-31',
        file,
        line: 2,
        column: 5,
      },
    ]);
    expect(report.summary).toMatchObject({
      breaches: { error: 0, warning: 0 },
      waived: 1,
      waiverProblems: 0,
    });
  });

  it('apply to a report from the cache as to one made afresh', () => {
    const { dir, file } = waiverFile(CAP, CAP_WAIVER);
    const json = ['check', CAP, '--format', 'json', '--lang', 'en'];
    const fresh = runCli([...json, '--waivers', file]);
    expect(JSON.parse(fresh.stdout).summary.waived).toBe(1);
    const cache = ['--cache', '--cache-location', join(dir, 'cache')];
    // Filled without the waivers, then read with them: the cached entry is not what is written.
    expect(runCli([...json, ...cache]).status).toBe(1);
    for (let pass = 0; pass < 2; pass++) {
      const cached = runCli([...json, ...cache, '--waivers', file]);
      expect(cached.stdout).toBe(fresh.stdout);
      expect(cached.status).toBe(0);
    }
  });

  it('an expired waiver leaves the breach standing and is reported', () => {
    const { file } = waiverFile(TWO, {
      rule: 'A4-SINGLE-PAYMENT',
      approved: '2019-09-01',
      until: '2020-01-31',
    });
    const run = runCli(['check', TWO, '--waivers', file, '--lang', 'fr', '--no-color']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `  ${file}:2:5  dérogation à revoir  la dérogation pour A4-SINGLE-PAYMENT a pris fin le 31/01/2020 (dossier jugé au 30/06/2020) : le manquement demeure\n`,
    );
    expect(run.stdout).toContain(
      'manquements : 2 erreurs, 0 avertissement ; 1 dérogation à revoir\n',
    );
  });

  it('a waiver matching no breach is reported, and fails the run unless --fail-on error', () => {
    const { file } = waiverFile(REFERENCE, { rule: 'A4-CAP' });
    const run = runCli(['check', REFERENCE, '--waivers', file, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].waivers[0].status).toBe('unmatched');
    expect(runCli(['check', REFERENCE, '--waivers', file, '--fail-on', 'error']).status).toBe(0);
  });

  it('a waiver approved after the evaluation date does not apply yet', () => {
    const { file } = waiverFile(CAP, { rule: 'A4-CAP', approved: '2020-07-01' });
    const run = runCli(['check', CAP, '--waivers', file, '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].waivers[0]).toMatchObject({
      status: 'not-yet-approved',
      message:
        'the waiver for A4-CAP was approved only on 2020-07-01, after 2020-06-30: the breach stands',
    });
  });

  it('a value the YAML reader refuses is reported once, not again by the schema', () => {
    const dir = tempDir();
    const file = join(dir, 'waivers.yaml');
    writeFileSync(
      file,
      `waivers:\n${entry('x.yaml', { rule: 'A4-CAP', approved: '!!timestamp 2020-06-01' })}` +
        'other: !!set { a }\n',
    );
    const run = runCli(['check', REFERENCE, '--waivers', file]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      'clausier: the waiver file cannot be used:',
      expect.stringContaining(`${file}:5:15: waivers[0].approved: the tag !!timestamp is not used`),
      expect.stringContaining(`${file}:8:8: other: the tag !!set is not used`),
      '',
    ]);
  });

  it('a bad waiver file is refused before any record is checked, every problem located', () => {
    const dir = tempDir();
    const file = join(dir, 'waivers.yaml');
    writeFileSync(
      file,
      'waivers:\n  - rule: A4-CAP\n    record: x.yaml\n    approved: 2020-02-30\n    reson: typo\n',
    );
    const run = runCli(['check', REFERENCE, '--waivers', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'clausier: the waiver file cannot be used:\n' +
        `${file}:2:5: waivers[0]: missing field 'reason' (why the deviation is accepted)\n` +
        `${file}:2:5: waivers[0]: missing field 'approvedBy' (who approved it (name and capacity))\n` +
        `${file}:2:5: waivers[0]: missing field 'until' (the last day it holds; after it, the breach is a breach again)\n` +
        `${file}:5:5: waivers[0]: unknown field 'reson' (did you mean 'reason'?)\n` +
        `${file}:4:15: waivers[0].approved: '2020-02-30' is not a date: February 2020 has 29 days\n`,
    );
  });

  it('a waiver file is held to the size limit of records, and a folder is no waiver file', () => {
    const dir = tempDir();
    const file = join(dir, 'waivers.yaml');
    // A sparse file: 21 MiB that take no room on disk.
    writeFileSync(file, '');
    truncateSync(file, 21 * 1024 * 1024);
    const big = runCli(['check', REFERENCE, '--waivers', file]);
    expect(big.status).toBe(2);
    expect(big.stderr).toBe(
      'clausier: the waiver file cannot be used:\n' +
        `${file}:1:1: the file is 21.0 MiB, over the limit of 20.0 MiB (raise it with --max-size)\n`,
    );
    // --max-size raises it, as for records: the file is then read (NUL bytes: no text).
    const raised = runCli(['check', REFERENCE, '--waivers', file, '--max-size', '30M']);
    expect(raised.stderr).toBe(
      'clausier: the waiver file cannot be used:\n' +
        `${file}:1:1: the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)\n`,
    );
    const folder = runCli(['check', REFERENCE, '--waivers', dir]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(
      'clausier: the waiver file cannot be used:\n' +
        `${dir}:1:1: this is a directory, not a file\n`,
    );
  });
});
