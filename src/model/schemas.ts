/**
 * The JSON Schemas of what clausier reads: programme records and a rule pack's files, generated
 * from the types of this folder (scripts/generate.mjs) and committed in schemas/.
 */
import programme from '../../schemas/programme.schema.json' with { type: 'json' };
import rule from '../../schemas/rule.schema.json' with { type: 'json' };
import clauses from '../../schemas/clauses.schema.json' with { type: 'json' };
import parameters from '../../schemas/parameters.schema.json' with { type: 'json' };
import conditions from '../../schemas/conditions.schema.json' with { type: 'json' };
import pack from '../../schemas/pack.schema.json' with { type: 'json' };
import facts from '../../schemas/facts.schema.json' with { type: 'json' };

/** Each schema by the name `clausier schema --of` gives it. */
export const SCHEMAS: Readonly<Record<string, unknown>> = {
  record: programme,
  rule,
  clauses,
  parameters,
  conditions,
  facts,
  pack,
};
