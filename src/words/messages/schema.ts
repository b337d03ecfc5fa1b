/**
 * The French of the schema's complaints about a record (src/load/validate.ts), of the values it
 * checks (dates, weeks, periods, amounts), and of the schemas' own titles and descriptions, which
 * those complaints name.
 */
import clausesSchema from '../../../schemas/clauses.schema.json' with { type: 'json' };
import conditionsSchema from '../../../schemas/conditions.schema.json' with { type: 'json' };
import packSchema from '../../../schemas/pack.schema.json' with { type: 'json' };
import parametersSchema from '../../../schemas/parameters.schema.json' with { type: 'json' };
import programmeSchema from '../../../schemas/programme.schema.json' with { type: 'json' };
import ruleSchema from '../../../schemas/rule.schema.json' with { type: 'json' };
import waiversSchema from '../../../schemas/waivers.schema.json' with { type: 'json' };
import type { Entry } from './entry.js';

/** The schema's complaints (src/load/validate.ts) and what they name. */
export const SCHEMA: Entry[] = [
  [
    'unknown field {field} (did you mean {other}?)',
    'champ inconnu {field} (vouliez-vous dire {other} ?)',
  ],
  [
    'unknown field {field} (expected one of {list*})',
    'champ inconnu {field} (attendu : l’un de {list})',
  ],
  [
    'unknown field {field} (an amount written {written}? write {amount}: a dot before the cents)',
    'champ inconnu {field} (un montant écrit {written} ? écrivez {amount} : un point avant les centimes)',
  ],
  [
    'unknown field {field} (a non-breaking space in its name? write {name})',
    'champ inconnu {field} (une espace insécable dans son nom ? écrivez {name})',
  ],
  ['unknown field {field}', 'champ inconnu {field}'],
  ['missing field {field} ({what?})', 'champ manquant {field}[[ ({what})]]'],
  ['missing field {field}', 'champ manquant {field}'],
  ['{key} is not allowed as a key here', '{key} n’est pas admis comme clé ici'],
  [
    '{value*} is not {noun*} (did you mean {other}?)',
    '{value} n’est pas {noun} (vouliez-vous dire {other} ?)',
  ],
  ['{value*} is not {noun*} (expected {list*})', '{value} n’est pas {noun} (attendu : {list})'],
  ['{value*} is not in any of the allowed forms', '{value} n’a aucune des formes admises'],
  ['{value*} is not {noun*}', '{value} n’est pas {noun}'],
  [
    'expected {expected*}, got {value*} (write it in quotes to keep it as written: {written})',
    'attendu : {expected} ; trouvé : {value} (écrivez la valeur entre guillemets pour la garder telle qu’écrite : {written})',
  ],
  [
    'expected {expected*}, got {value*} (write it without quotes: {written})',
    'attendu : {expected} ; trouvé : {value} (écrivez-la sans guillemets : {written})',
  ],
  [
    'expected {expected*}, got {value*} (write a list in brackets: {list})',
    'attendu : {expected} ; trouvé : {value} (écrivez une liste entre crochets : {list})',
  ],
  [
    'expected {expected*}, got {value*} (did you mean {amount}? a dot before the cents, no spaces)',
    'attendu : {expected} ; trouvé : {value} (vouliez-vous dire {amount} ? un point avant les centimes, sans espaces)',
  ],
  [
    'expected {expected*}, got {value*} ({what?})',
    'attendu : {expected} ; trouvé : {value}[[ ({what})]]',
  ],
  ['expected {expected*}, got {value*}', 'attendu : {expected} ; trouvé : {value}'],
  ['expected a whole number, got {n}', 'attendu : un nombre entier ; trouvé : {n}'],
  [
    '{value} is written twice (each item once)',
    '{value} est écrit deux fois (chaque élément une fois)',
  ],
  [
    '{value} is not valid here (expected {what?})',
    '{value} n’est pas valable ici[[ (attendu : {what})]]',
  ],
  ['{value} is not valid here', '{value} n’est pas valable ici'],
  [
    '{value} is negative (expected {expected*} of at least 0)',
    '{value} est négatif (attendu : {expected} d’au moins 0)',
  ],
  ['{value} is less than the minimum, {n}', '{value} est inférieur au minimum, {n}'],
  ['{value} is more than the maximum, {n}', '{value} est supérieur au maximum, {n}'],
  ['expected at least {n} item(s)', 'attendu : au moins {n} élément(s)'],
  // What a value is, and what was expected instead
  ['nothing here', 'rien ici'],
  ['nothing', 'rien'],
  ['one of {list*}', 'l’une des valeurs {list}'],
  ['text', 'du texte'],
  ['a number', 'un nombre'],
  ['a whole number', 'un nombre entier'],
  ['true or false', 'true ou false'],
  ['a list', 'une liste'],
  ['a mapping of fields', 'une table de champs'],
  ['a mapping', 'une table'],
  ['a value', 'une valeur'],
  ['an allowed value', 'une valeur admise'],
  ['the text {value}', 'le texte {value}'],
  ['the number {n}', 'le nombre {n}'],
  ['{inf}.inf (infinity)', '{inf}.inf (l’infini)'],
  ['.nan (not a number)', '.nan (pas un nombre)'],
  ['true', 'true'],
  ['false', 'false'],
  // Lists of allowed values: `'a', 'b' or 'c'`, or one value.
  ["'{first}' or '{last}'", "'{first}' ou '{last}'"],
  ["'{only}'", "'{only}'"],
];

/** Dates, weeks, periods (src/base/calendar.ts) and amounts (src/base/money.ts). */
export const VALUES: Entry[] = [
  [
    '{value} is not a date: the year has {count*} digits (expected YYYY-MM-DD)',
    '{value} n’est pas une date : l’année a {count} chiffres (attendu : AAAA-MM-JJ)',
  ],
  [
    '{value} is not a date in the form YYYY-MM-DD (did you mean {date}?)',
    '{value} n’est pas une date de la forme AAAA-MM-JJ (vouliez-vous dire {date} ?)',
  ],
  [
    '{value} is not an ISO week in the form YYYY-Www (did you mean {week}?)',
    '{value} n’est pas une semaine ISO de la forme AAAA-Wss (vouliez-vous dire {week} ?)',
  ],
  [
    '{value} is not a date in the form YYYY-MM-DD (write e.g. 2019-08-30)',
    '{value} n’est pas une date de la forme AAAA-MM-JJ (écrivez par exemple 2019-08-30)',
  ],
  [
    '{value} is not a date (expected YYYY-MM-DD)',
    '{value} n’est pas une date (attendu : AAAA-MM-JJ)',
  ],
  [
    '{value} is not a date: there is no month {n}',
    '{value} n’est pas une date : il n’y a pas de mois {n}',
  ],
  [
    '{value} is not a date: {month*} {year} has {n} days',
    '{value} n’est pas une date : {month} {year} compte {n} jours',
  ],
  [
    '{value} is not an ISO week: the year has {count*} digits (expected YYYY-Www)',
    '{value} n’est pas une semaine ISO : l’année a {count} chiffres (attendu : AAAA-Wss)',
  ],
  [
    '{value} is not an ISO week (expected YYYY-Www, e.g. 2019-W42)',
    '{value} n’est pas une semaine ISO (attendu : AAAA-Wss, par exemple 2019-W42)',
  ],
  [
    '{value} is not an ISO week: {year} has {n} ISO weeks (W01 to W{last})',
    '{value} n’est pas une semaine ISO : {year} compte {n} semaines ISO (W01 à W{last})',
  ],
  [
    '{value} is not a period (expected e.g. P30D, P2W, P1M or P1Y)',
    '{value} n’est pas une durée (attendu par exemple : P30D, P2W, P1M ou P1Y)',
  ],
  ['{value} (not a number) is not an amount', '{value} (pas un nombre) n’est pas un montant'],
  ['{value} (infinity) is not an amount', '{value} (l’infini) n’est pas un montant'],
  [
    '{value} is not an amount in euros (write digits with a dot before the cents, e.g. 10000.00)',
    '{value} n’est pas un montant en euros (écrivez des chiffres avec un point avant les centimes, par exemple 10000.00)',
  ],
  [
    '{value} is negative (expected an amount of at least 0)',
    '{value} est négatif (attendu : un montant d’au moins 0)',
  ],
  [
    '{value} has more than two decimals (an amount in euros is exact to the cent)',
    '{value} a plus de deux décimales (un montant en euros est exact au centime)',
  ],
  [
    '{value} has more than two decimals (an amount in euros is exact to the cent; if the dot separates the thousands, write {amount})',
    '{value} a plus de deux décimales (un montant en euros est exact au centime ; si le point sépare les milliers, écrivez {amount})',
  ],
  [
    '{value} is too large an amount (at most {largest})',
    '{value} est un montant trop grand (au plus {largest})',
  ],
  [
    'the amounts of the record add up to more than {largest}, the largest total counted exactly to the cent',
    'les montants du dossier totalisent plus de {largest}, le plus grand total compté exactement au centime',
  ],
  ...(
    [
      ['one', 'un'],
      ['two', 'deux'],
      ['three', 'trois'],
      ['four', 'quatre'],
      ['five', 'cinq'],
      ['six', 'six'],
      ['seven', 'sept'],
      ['eight', 'huit'],
      ['nine', 'neuf'],
      ['ten', 'dix'],
      ['January', 'janvier'],
      ['February', 'février'],
      ['March', 'mars'],
      ['April', 'avril'],
      ['May', 'mai'],
      ['June', 'juin'],
      ['July', 'juillet'],
      ['August', 'août'],
      ['September', 'septembre'],
      ['October', 'octobre'],
      ['November', 'novembre'],
      ['December', 'décembre'],
    ] as const
  ).map(([en, fr]) => [en, fr] as Entry),
];

/**
 * The titles and the first sentences of the descriptions of the schemas' types and fields, which
 * messages name (`expected a calendar date (YYYY-MM-DD)`, `missing field 'date' (the day of the
 * payment)`), in French where the schema has it.
 */
export function schemaPhrases(): Entry[] {
  const entries: Entry[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const schema = node as Record<string, unknown>;
    const title = schema.title;
    const titleFr = schema['x-title-fr'];
    const article = schema['x-article-fr'];
    if (typeof title === 'string' && typeof titleFr === 'string' && typeof article === 'string') {
      entries.push(
        [title, titleFr],
        [`${/^[aeiou]/i.test(title) ? 'an' : 'a'} ${title}`, `${article} ${titleFr}`],
      );
    }
    const description = schema.description;
    const descriptionFr = schema['x-description-fr'];
    if (typeof description === 'string' && typeof descriptionFr === 'string') {
      const en = firstSentence(description);
      const fr = firstSentence(descriptionFr);
      if (en && fr) entries.push([en, fr]);
    }
    for (const value of Object.values(schema)) visit(value);
  };
  for (const schema of [
    programmeSchema,
    waiversSchema,
    ruleSchema,
    packSchema,
    clausesSchema,
    parametersSchema,
    conditionsSchema,
  ])
    visit(schema);
  return entries;
}

/**
 * Words of a description up to its first full stop or colon, as messages quote it: `the bank
 * code (code banque)`. src/load/validate.ts cuts the English with it, this table the French.
 */
export function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const sentence = description
    .split(/(?<=[.:])\s/)[0]!
    .replace(/\s*[.:]$/, '')
    .trim();
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
