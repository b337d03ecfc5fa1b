/**
 * The rule-tooling commands, end to end through the built CLI: rules, explain, schema, init,
 * lint, test.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');

describe('clausier rules', () => {
  it('lists every rule with its clauses, severity, obligor and summary', () => {
    const run = runCli(['rules', '--lang', 'en']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'DINSIC – local authority partnership agreement for a pré-incubation programme (2019 template) (dinsic-preincubation-2019)',
    );
    expect(lines[2]).toMatch(/^RULE +CLAUSES +SEVERITY +OBLIGOR +SUMMARY$/);
    expect(lines.filter((l) => /^[A-Z0-9]+-[A-Z0-9-]+ /.test(l))).toHaveLength(32);
    expect(run.stdout).toMatch(
      /\nA4-CAP +art3\.collectivite\.4, art4\.al1 +error +collectivite +The collectivité's payments do not exceed, in total, the cap of €10,000\.\n/,
    );
  });

  it('prints JSON on demand', () => {
    const run = runCli(['rules', '--format', 'json']);
    const parsed = JSON.parse(run.stdout) as {
      pack: string;
      rules: { id: string; severity: string }[];
    };
    expect(parsed.pack).toBe('dinsic-preincubation-2019');
    expect(parsed.rules.find((r) => r.id === 'A5-CONTROLLER')?.severity).toBe('warning');
  });
});

describe('clausier explain', () => {
  it('shows the clause text, the quotes, the interpretation, the parameters with values, the conditions in words and the cases', () => {
    const run = runCli(['explain', 'A5-TERMINATION-NOTICE', '--lang', 'fr']);
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain(
      'A5-TERMINATION-NOTICE — Résiliation après mise en demeure restée sans réponse',
    );
    expect(out).toContain(
      "« En cas de manquement contractuel de l'une des parties, la convention pourra être résiliée à la demande d'une autre partie après mise en demeure restée sans réponse satisfaisante dans un délai d'un mois. »",
    );
    expect(out).toContain(
      "Interprétation :\n  Le délai d'un mois (noticePeriod) court de la réception",
    );
    expect(out).toContain(
      'le paramètre noticePeriod (Délai pendant lequel une mise en demeure doit rester sans réponse satisfaisante avant la résiliation : 1 mois)',
    );
    expect(out).toContain(
      '  [too-early]\n    date de la résiliation [item.date] est au plus tard le noticeExpiry (item.noticeRunsFrom + le paramètre noticePeriod',
    );
    expect(out).toContain(
      'manquement : cases/A5-TERMINATION-NOTICE/a-termination-before-the-notice-period-expires-breaches-a5-termination-notice.yaml',
    );
    expect(out).toContain('sans objet : cases/les-lilas-2019.yaml');
  });

  it('explains in English, and accepts a lower-case id', () => {
    const run = runCli(['explain', 'a4-cap', '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Breached when:\n  [over-cap]\n    total paid up to and including this payment [item.paidToDate] is above the parameter fundingCap (Cap on the collectivité's contribution: €10,000.00)",
    );
  });

  it('an unknown rule is bad usage, with the likely one', () => {
    const run = runCli(['explain', 'A4-CAPP']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'clausier: there is no rule A4-CAPP in dinsic-preincubation-2019 (did you mean A4-CAP?); see clausier rules\n',
    );
  });
});

describe('clausier schema', () => {
  it('prints the record schema, the same as the committed file', () => {
    const run = runCli(['schema']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'schemas/programme.schema.json'), 'utf8')),
    );
    expect(JSON.parse(runCli(['schema', '--of', 'rule']).stdout).title).toBe(
      'clausier rule pack: a rule file',
    );
    // The schema of a pack's derived facts, as committed.
    expect(JSON.parse(runCli(['schema', '--of', 'facts']).stdout)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'schemas/facts.schema.json'), 'utf8')),
    );
  });
});

describe('clausier init', () => {
  it('writes a commented starter record that validates, and never overwrites a file', () => {
    const dir = tempDir();
    const file = join(dir, 'new.yaml');
    expect(runCli(['init', file]).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=.*schemas\/programme\.schema\.json$/,
    );
    const schemaPath = text.split('\n')[0]!.replace(/^.*\$schema=/, '');
    expect(existsSync(join(dir, schemaPath))).toBe(true);
    const check = runCli(['check', file, '--format', 'json']);
    const report = JSON.parse(check.stdout).files[0];
    expect(report.errors).toEqual([]);
    expect(report.verdict).toBe('compliant');
    const again = runCli(['init', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      `clausier: ${file} exists already: clausier init never overwrites a file\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('prints the starter record without a file', () => {
    const run = runCli(['init']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('template: dinsic-preincubation-2019');
  });
});

describe('clausier lint', () => {
  it('finds no problem in the built-in packs', () => {
    const run = runCli(['lint']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('dinsic-preincubation-2019: no problem\n');
  });

  it('reports every problem of a broken pack with its file and line, and exits 1', () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    writeFileSync(
      join(dir, 'pack.yaml'),
      readFileSync(join(dir, 'pack.yaml'), 'utf8').replace(
        'cases: ../../cases',
        `cases: ${join(ROOT, 'cases')}`,
      ),
    );
    const rule = join(dir, 'A4-CAP.yaml');
    writeFileSync(
      rule,
      readFileSync(rule, 'utf8').replace(
        'ne pouvant dépasser les 10 000 €',
        'ne pouvant excéder 10 000 €',
      ),
    );
    const run = runCli(['lint', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      'dinsic-preincubation-2019: 1 problem\n' +
        `  ${join(dir, 'A4-CAP.yaml')}:9:11: the quote is not, word for word, in clause art4.al1: «à raison d'un montant ne pouvant excéder 10 000 €»\n`,
    );
  });

  it('a folder that is no rule pack is a usage error (exit 2), in lint, test and check --rules alike', () => {
    const dir = tempDir();
    for (const args of [
      ['lint', join(dir, 'none')],
      ['lint', dir],
      ['lint', PACK, dir],
      ['test', join(dir, 'none')],
      ['check', REFERENCE, '--rules', dir],
      ['report', REFERENCE, '--rules', join(dir, 'none')],
    ]) {
      const run = runCli([...args, '--lang', 'en']);
      const named = args.at(-1)!;
      expect([run.status, run.stdout, run.stderr], args.join(' ')).toEqual([
        2,
        '',
        `clausier: ${named}: not a rule pack (no pack.yaml in it)\n`,
      ]);
    }
  });

  it('a pack that does not load is a lint problem too', () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    const rule = join(dir, 'A4-CAP.yaml');
    writeFileSync(
      rule,
      readFileSync(rule, 'utf8').replace('operator: amountAbove', 'operator: lessThan'),
    );
    const run = runCli(['lint', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `A4-CAP.yaml:30:53: the operator lessThan parses numbers loosely: use dateBefore, amountBelow or numberBelow`,
    );
  });
});

describe('clausier test', () => {
  it('runs the cases of the built-in packs like a test runner', () => {
    const run = runCli(['test', PACK]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^dinsic-preincubation-2019: \d+ cases\n/);
    expect(run.stdout).toContain(
      '  ✓ cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml\n',
    );
    expect(run.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('a case whose expectation is wrong fails, saying what differs', () => {
    const dir = tempDir();
    const cases = join(dir, 'cases');
    cpSync(join(ROOT, 'cases', 'A4-CAP'), join(cases, 'A4-CAP'), { recursive: true });
    const pack = join(dir, 'pack');
    cpSync(PACK, pack, { recursive: true });
    writeFileSync(
      join(pack, 'pack.yaml'),
      readFileSync(join(pack, 'pack.yaml'), 'utf8').replace(
        'cases: ../../cases',
        'cases: ../cases',
      ),
    );
    const expected = join(
      cases,
      'A4-CAP',
      'a-payment-of-12000-euros-breaches-the-cap.expected.yaml',
    );
    writeFileSync(expected, readFileSync(expected, 'utf8').replace('line: 177', 'line: 178'));
    const run = runCli(['test', pack]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ ');
    expect(run.stdout).toContain(
      'missing breaches: {"rule":"A4-CAP","case":"over-cap","line":178,"message":"Versements : 12 000,00 € pour un plafond de 10 000,00 €."}',
    );
    expect(run.stdout).toContain(
      'unexpected breaches: {"rule":"A4-CAP","case":"over-cap","line":177,',
    );
    expect(run.stdout).toMatch(/\n1 passed, 1 failed\n$/);
  });
});
