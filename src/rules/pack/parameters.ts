/**
 * A pack's parameters (parameters.yaml): each dated value converted to the form rules use (money
 * in cents, periods, dates, accounts...), the fact type conditions see them as, and the check of
 * what each says of itself (its clauses, whether records may amend it, its way of counting).
 */
import { parseCalendarDate, parsePeriod } from '../../base/calendar.js';
import { parseEuros } from '../../base/money.js';
import { accountParam, type LoadedParameter, type ParamValue } from '../../facts/params.js';
import type { FactSpec, FactType } from '../../facts/spec.js';
import { programmeSchema } from '../../load/schema.js';
import type { SourcePositions } from '../../load/yaml/positions.js';
import type { AccountValue, Parameter } from '../../model/pack.js';
import { at } from './files.js';
import type { PackParameter, PackParts, PackProblem, PackSourceFile } from './types.js';

/** A parameter of parameters.yaml with its values converted, or none if one cannot be. */
export function loadParameter(
  name: string,
  definition: Parameter,
  read: { file: PackSourceFile; positions: SourcePositions; root: unknown },
  problems: PackProblem[],
): PackParameter | undefined {
  const values: LoadedParameter['values'] = [];
  let ok = true;
  definition.values.forEach((dated, index) => {
    const pointer = `/parameters/${name}/values/${index}`;
    const fail = (message: string): void => {
      problems.push(at(read.file, pointer, `parameter ${name}: ${message}`));
      ok = false;
    };
    let from: number | null = null;
    if (dated.from !== undefined) {
      const parsed = parseCalendarDate(dated.from);
      if (!parsed.ok) return fail(parsed.problem);
      from = parsed.value;
    }
    const converted = convertParameterValue(definition.type, dated.value, () =>
      read.positions.sourceText(read.root, `${pointer}/value`),
    );
    if (typeof converted === 'string' && converted.startsWith('!')) return fail(converted.slice(1));
    values.push({ from, value: converted as ParamValue, source: 'pack' });
  });
  if (!ok) return undefined;
  return {
    name,
    type: definition.type,
    counting: definition.counting ?? 'calendar',
    amendable: definition.amendable ?? false,
    values,
    definition,
    source: read.file,
  };
}

/** A parameter's value in the form rules use; a text starting with `!` says what is wrong. */
function convertParameterValue(
  type: Parameter['type'],
  value: unknown,
  sourceText: () => string | undefined,
): ParamValue | string {
  switch (type) {
    case 'money': {
      if (typeof value !== 'number') return '!expected an amount in euros';
      const parsed = parseEuros(sourceText() ?? String(value));
      return parsed.ok ? parsed.value : `!${parsed.problem}`;
    }
    case 'days':
    case 'count':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        return '!expected a number of at least 0';
      if (type === 'count' && !Number.isInteger(value)) return '!expected a whole number';
      return value;
    case 'period': {
      const parsed = typeof value === 'string' ? parsePeriod(value) : undefined;
      return parsed?.ok
        ? (value as string)
        : `!${parsed?.ok === false ? parsed.problem : 'expected a period such as P30D'}`;
    }
    case 'date': {
      const parsed = typeof value === 'string' ? parseCalendarDate(value) : undefined;
      return parsed?.ok
        ? (value as string)
        : `!${parsed?.ok === false ? parsed.problem : 'expected a date YYYY-MM-DD'}`;
    }
    case 'text':
      return typeof value === 'string' ? value : '!expected text';
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? (value as string[])
        : '!expected a list of texts';
    case 'account': {
      const account = value as AccountValue;
      if (typeof account !== 'object' || account === null || !('bank' in account))
        return '!expected an account';
      return accountParam(account);
    }
  }
}

/** The fact type a parameter's values have, as conditions see them. */
export function parameterFactSpec(parameter: PackParameter | undefined): FactSpec | undefined {
  if (!parameter) return undefined;
  const types: Record<Parameter['type'], FactType> = {
    money: 'money',
    days: 'number',
    count: 'count',
    period: 'text',
    date: 'date',
    text: 'text',
    list: 'list',
    account: 'object',
  };
  const description = parameter.definition.description;
  if (parameter.type === 'account') {
    const text = (fr: string, en: string): FactSpec => ({ type: 'text', description: { fr, en } });
    return {
      type: 'object',
      description,
      fields: {
        rib: text('RIB complet', 'full RIB'),
        id: text(
          'banque, guichet et numéro de compte (ce qui identifie le compte)',
          'bank, branch and account number (what identifies the account)',
        ),
        holder: text('titulaire', 'holder'),
        bank: text('code banque', 'bank code'),
        branch: text('code guichet', 'branch code'),
        number: text('numéro de compte', 'account number'),
        key: text('clé RIB', 'RIB key'),
      },
    };
  }
  return { type: types[parameter.type], description };
}

/** Checks what each parameter says of itself: its clauses exist, it may be amended, it counts. */
export function checkParameters(parts: PackParts, problems: PackProblem[]): void {
  const clauseIds = new Set(parts.clauses.map((c) => c.id));
  const amendable = new Set(Object.keys(resolveTermsProperties()));
  for (const parameter of Object.values(parts.parameters)) {
    const report = (pointer: string, message: string): void => {
      problems.push(at(parameter.source, `/parameters/${parameter.name}${pointer}`, message));
    };
    parameter.definition.clauses.forEach((id, i) => {
      if (!clauseIds.has(id)) report(`/clauses/${i}`, `there is no clause ${id} in clauses.yaml`);
    });
    if (parameter.amendable && !amendable.has(parameter.name)) {
      report(
        '/amendable',
        `records cannot change ${parameter.name}: it is not a field of terms in the record's schema`,
      );
    }
    if (parameter.counting !== 'calendar' && parameter.type !== 'period') {
      report('/counting', 'only a period has a way of counting');
    }
  }
}

/** The parameters a record may change in `terms`: the fields of Terms in the record's schema. */
function resolveTermsProperties(): Record<string, unknown> {
  return programmeSchema.definitions.Terms?.properties ?? {};
}
