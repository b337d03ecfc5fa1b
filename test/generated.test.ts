/**
 * Generated files are committed: the JSON Schemas and the precompiled validators must be exactly
 * what the TypeScript types give today. Run `npm run generate` after changing src/model or
 * src/rules/types.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../scripts/generate.mjs';
import { ROOT } from './helpers.js';

describe('generated files', () => {
  it('are up to date with the types they come from (npm run generate)', async () => {
    const files = await generateAll();
    expect(Object.keys(files).sort()).toEqual([
      'schemas/clauses.schema.json',
      'schemas/conditions.schema.json',
      'schemas/pack.schema.json',
      'schemas/parameters.schema.json',
      'schemas/programme.schema.json',
      'schemas/rule.schema.json',
      'schemas/waivers.schema.json',
      'src/generated/programme-validator.d.ts',
      'src/generated/programme-validator.js',
      'src/generated/rule-pack-validators.d.ts',
      'src/generated/rule-pack-validators.js',
      'src/generated/waiver-validator.d.ts',
      'src/generated/waiver-validator.js',
    ]);
    for (const [path, content] of Object.entries(files)) {
      expect(
        readFileSync(join(ROOT, path), 'utf8'),
        `${path} is out of date: run npm run generate`,
      ).toBe(content);
    }
  }, 120_000);

  it('the record schema carries the doc comments an editor shows', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/programme.schema.json'), 'utf8'));
    expect(schema.definitions.Payment.properties.amount.description).toBe(
      'The amount paid, in euros.',
    );
    expect(schema.definitions.Money.description).toMatch(
      /^An amount in euros, with at most two decimals/,
    );
    expect(schema.definitions.Intrapreneur.properties.release.propertyNames).toEqual({
      $ref: '#/definitions/IsoWeek',
    });
    expect(schema.definitions.Termination.required).toEqual(['date']);
  });
});
