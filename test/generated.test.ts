/**
 * Generated files are committed: the JSON Schemas and the precompiled validators must be exactly
 * what the TypeScript types give today. Run `npm run generate` after changing src/model,
 * src/model/pack.ts or src/model/expressions.ts.
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
      'schemas/facts.schema.json',
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

  it('carries French beside the English of every described type and field, for editors', () => {
    for (const file of ['programme', 'waivers']) {
      const schema = JSON.parse(readFileSync(join(ROOT, `schemas/${file}.schema.json`), 'utf8'));
      for (const [name, definition] of Object.entries<Described>(schema.definitions)) {
        const described = [
          [name, definition],
          ...Object.entries(definition.properties ?? {}).map(
            ([field, property]) => [`${name}.${field}`, property] as const,
          ),
        ] as const;
        for (const [where, node] of described) {
          if (node.description === undefined) continue;
          expect(node['x-description-fr'], where).toMatch(/\S/);
          expect(node['x-description-fr'], where).not.toBe(node.description);
          // What the YAML language server shows on hover: French first, then English.
          const [french, english] = node.markdownDescription!.split('\n\n---\n\n');
          expect(french!.startsWith(node['x-description-fr']!), where).toBe(true);
          expect(english!.startsWith(node.description), where).toBe(true);
        }
        if (definition.title !== undefined) expect(definition['x-title-fr'], name).toMatch(/\S/);
      }
    }
    // The notes of a value type are shown on the fields that take it, in both languages.
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/programme.schema.json'), 'utf8'));
    const purpose = schema.definitions.Expense.properties.purpose.markdownDescription as string;
    expect(purpose).toContain('`other` est tout objet hors de la convention');
    expect(purpose).toContain('`other` is any purpose outside the convention');
    const amount = schema.definitions.Payment.properties.amount.markdownDescription as string;
    expect(amount).toContain(
      '*Montant en euros* : Un montant en euros, avec au plus deux décimales',
    );
    expect(amount).toContain('*Amount in euros*: An amount in euros, with at most two decimals');
  });

  it('refuses a described field without its French, and French for a field that is gone', async () => {
    const file = 'src/model/programme.fr.yaml';
    const french = readFileSync(join(ROOT, file), 'utf8');
    const without = french.replace(/^ {4}amount: Le montant versé, en euros\.\n/m, '');
    expect(without).not.toBe(french);
    await expect(generateAll({ french: { [file]: without } })).rejects.toThrow(
      'src/model/programme.ts: the French of these types and fields is missing; add it to src/model/programme.fr.yaml:\n  Payment.amount: "The amount paid, in euros."',
    );
    const stale = french.replace(
      /^( {4}amount: Le montant versé, en euros\.\n)/m,
      '$1    amountDue: Le montant dû.\n',
    );
    await expect(generateAll({ french: { [file]: stale } })).rejects.toThrow(
      'French for types or fields that no longer exist; remove it:\n  src/model/programme.fr.yaml: Payment.amountDue',
    );
  }, 120_000);
});

interface Described {
  description?: string;
  title?: string;
  'x-description-fr'?: string;
  'x-title-fr'?: string;
  markdownDescription?: string;
  properties?: Record<string, Described>;
}
