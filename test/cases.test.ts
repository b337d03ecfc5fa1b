/**
 * The case harness: every record in cases/ is checked, and what clausier finds must be exactly
 * what its .expected.yaml says: every breach (rule, case, line, message), every undetermined
 * finding with the fields it lacks, the rules pending and not applicable; every other rule is
 * satisfied. A missing or extra finding fails.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFile, type FileReport } from '../src/check.js';
import { builtInPacksDir, loadRulePack } from '../src/rules/pack.js';
import { caseFiles, ROOT } from './helpers.js';

interface Expected {
  description: string;
  breaches: { rule: string; case: string; line: number; message: string }[];
  undetermined: { rule: string; missing: string[] }[];
  pending: string[];
  notApplicable: string[];
}

function actual(report: FileReport): Omit<Expected, 'description'> {
  const rules = (status: string): string[] => [
    ...new Set(report.findings.filter((f) => f.status === status).map((f) => f.rule)),
  ];
  return {
    breaches: report.findings
      .filter((f) => f.status === 'breach')
      .map((f) => ({
        rule: f.rule,
        case: f.case!,
        line: f.locations[0]!.line,
        message: f.message,
      })),
    undetermined: report.findings
      .filter((f) => f.status === 'undetermined')
      .map((f) => ({ rule: f.rule, missing: f.missing! })),
    pending: rules('pending'),
    notApplicable: rules('not-applicable'),
  };
}

const cases = caseFiles();
const expectations = new Map(
  cases.map((file) => [
    file,
    parse(readFileSync(file.replace(/\.yaml$/, '.expected.yaml'), 'utf8')) as Expected,
  ]),
);

describe('cases', () => {
  for (const file of cases) {
    const expected = expectations.get(file)!;
    it(`${relative(ROOT, file)}: ${expected.description}`, async () => {
      const report = await checkFile(file, { language: 'fr' });
      expect(report.errors).toEqual([]);
      const { description: _, ...rest } = expected;
      expect(actual(report)).toEqual(rest);
      // Every rule of the pack gives at least one finding.
      const pack = loadRulePack(`${builtInPacksDir()}/${report.pack}`);
      expect(new Set(report.findings.map((f) => f.rule))).toEqual(
        new Set(pack.rules.map((r) => r.id)),
      );
    });
  }
});

describe('coverage of the rule pack by the cases', () => {
  const pack = loadRulePack(`${builtInPacksDir()}/dinsic-preincubation-2019`);
  const all = [...expectations.values()];
  for (const rule of pack.rules) {
    it(`${rule.id} is breached alone by at least one case, and satisfied in another`, () => {
      const alone = all.filter(
        (e) => e.breaches.length > 0 && e.breaches.every((b) => b.rule === rule.id),
      );
      const satisfied = all.filter(
        (e) =>
          !e.breaches.some((b) => b.rule === rule.id) &&
          !e.undetermined.some((u) => u.rule === rule.id) &&
          !e.pending.includes(rule.id) &&
          !e.notApplicable.includes(rule.id),
      );
      expect(alone.length, `no case breaches ${rule.id} alone`).toBeGreaterThan(0);
      expect(satisfied.length, `no case satisfies ${rule.id}`).toBeGreaterThan(0);
    });
    it(`every breach case of ${rule.id} is exercised`, () => {
      const exercised = new Set(
        all.flatMap((e) => e.breaches.filter((b) => b.rule === rule.id).map((b) => b.case)),
      );
      expect([...exercised].sort()).toEqual(rule.breaches.map((b) => b.id).sort());
    });
  }
});
