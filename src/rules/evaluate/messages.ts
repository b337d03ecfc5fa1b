/**
 * The messages of findings: the generic ones (undetermined, pending, late, not applicable), the
 * breach case of an obligation performed late, and how a message is filled with an item's facts,
 * in each language when first read.
 */
import { readPath } from '../../facts/missing.js';
import { fillTemplate } from '../template.js';
import { type Language } from '../../base/language.js';
import type { Condition } from '../../model/expressions.js';
import type { BreachCase, Localized } from '../../model/pack.js';
import type { Lookup } from './lookup.js';

export const GENERIC = {
  undetermined: {
    fr: 'Indéterminé : le dossier ne renseigne pas {fields}.',
    en: 'Undetermined: the record does not give {fields}.',
  },
  pending: { fr: 'Pas encore dû : {due}.', en: 'Not yet due: {due}.' },
  late: {
    fr: 'Exécuté en retard : dû au plus tard le {due|date}, exécuté le {performed|date}, {daysLate|days} de retard.',
    en: 'Performed late: due by {due|date}, performed on {performed|date}, {daysLate|days} late.',
  },
  notApplicable: { fr: 'Sans objet pour ce dossier.', en: 'Not applicable to this record.' },
};

/** The breach case of an obligation performed after its due date. */
export const LATE: BreachCase = {
  id: 'late',
  when: { all: [] } as unknown as Condition,
  message: GENERIC.late,
  locations: [],
};

/**
 * A message in both languages, each filled when first read: a run reports in one language, and
 * every rule has a message, so the other language and the facts it would read are never made.
 */
export function fill(message: Localized, context: () => Lookup): Localized {
  let made: Lookup | undefined;
  const filled: Partial<Localized> = {};
  const text = (language: Language): string => {
    if (filled[language] === undefined) {
      made ??= context();
      const facts = made;
      // A placeholder names a fact and a path in it, read as conditions read them: own fields only.
      const lookup = (path: string): unknown => {
        const [fact, ...rest] = path.split('.');
        return readPath(facts(fact!), rest);
      };
      filled[language] = fillTemplate(message[language], lookup, language);
    }
    return filled[language];
  };
  return {
    get fr() {
      return text('fr');
    },
    get en() {
      return text('en');
    },
  };
}

/** A generic message with one placeholder replaced by a localized text. */
export function substitute(message: Localized, name: string, value: Localized): Localized {
  return {
    fr: message.fr.replace(
      `{${name}}`,
      value.fr.replace(/[{}]/g, (c) => c + c),
    ),
    en: message.en.replace(
      `{${name}}`,
      value.en.replace(/[{}]/g, (c) => c + c),
    ),
  };
}
