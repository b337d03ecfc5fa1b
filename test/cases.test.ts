/**
 * The case harness: every record in cases/ is checked with the pack of its template, and what
 * clausier finds must be exactly what its .expected.yaml says: every breach (rule, case, line,
 * message), every undetermined finding with the fields it lacks, the rules pending and not
 * applicable; every other rule is satisfied. A missing or extra finding fails. The same code
 * runs `clausier test`.
 */
import { describe, expect, it } from 'vitest';
import { runCase } from '../src/run/cases.js';
import {
  caseCoverageProblems,
  findingsAsExpectation,
  packCases,
  type PackCase,
} from '../src/rules/cases.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacks, builtInPacksDir } from '../src/rules/pack/root.js';
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
    it('every rule it defines is breached alone by a case and satisfied in another, and every breach case is exercised', () => {
      expect(caseCoverageProblems(pack, cases)).toEqual([]);
    });
  });
}
