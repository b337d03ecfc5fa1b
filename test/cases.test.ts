/**
 * The case harness: every record in cases/ is checked with the pack of its template, and what
 * clausier finds must be exactly what its .expected.yaml says: every breach (rule, case, line,
 * message), every undetermined finding with the fields it lacks, the rules pending and not
 * applicable; every other rule is satisfied. A missing or extra finding fails. The same code
 * runs `clausier test`.
 */
import { describe, expect, it } from 'vitest';
import {
  expectedStatus,
  findingsAsExpectation,
  packCases,
  runCase,
  type PackCase,
} from '../src/cases.js';
import { builtInPacks, builtInPacksDir, loadRulePack } from '../src/rules/pack.js';
import { join } from 'node:path';

for (const id of builtInPacks()) {
  const dir = join(builtInPacksDir(), id);
  const pack = loadRulePack(dir);
  const cases: PackCase[] = packCases(pack);

  describe(`cases of ${id}`, () => {
    it('there are cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const testCase of cases) {
      it(`${testCase.name}: ${testCase.expectation.description}`, async () => {
        const result = await runCase(testCase, dir);
        expect(result.report.errors).toEqual([]);
        const { description: _, ...expected } = testCase.expectation;
        expect(findingsAsExpectation(result.report)).toEqual(expected);
        expect(result.differences).toEqual([]);
        // Every rule of the pack gives at least one finding.
        expect(new Set(result.report.findings.map((f) => f.rule))).toEqual(
          new Set(pack.rules.map((r) => r.id)),
        );
      });
    }
  });

  describe(`coverage of ${id} by its cases`, () => {
    for (const rule of pack.rules) {
      it(`${rule.id} is breached alone by at least one case, and satisfied in another`, () => {
        const alone = cases.filter(
          (c) =>
            c.expectation.breaches.length > 0 &&
            c.expectation.breaches.every((b) => b.rule === rule.id),
        );
        const satisfied = cases.filter(
          (c) => expectedStatus(c.expectation, rule.id) === 'satisfied',
        );
        expect(alone.length, `no case breaches ${rule.id} alone`).toBeGreaterThan(0);
        expect(satisfied.length, `no case satisfies ${rule.id}`).toBeGreaterThan(0);
      });
      it(`every breach case of ${rule.id} is exercised`, () => {
        const exercised = new Set(
          cases.flatMap((c) =>
            c.expectation.breaches.filter((b) => b.rule === rule.id).map((b) => b.case),
          ),
        );
        expect([...exercised].sort()).toEqual(rule.breaches.map((b) => b.id).sort());
      });
    }
  });
}
