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
  return new FilledMessage(message, context);
}

/**
 * A message filled on demand. Its getters are the class's, made once: an object literal with
 * getters of its own gives V8 a new hidden class for each object, an old-generation object that
 * holds the getters, and through them the record's facts, alive until the next full collection
 * (so every finding and its record were copied out of the young generation, issue 17; see
 * madeForEachCall in test/architecture.test.ts).
 */
class FilledMessage implements Localized {
  private made: Lookup | undefined;
  private filledFr: string | undefined;
  private filledEn: string | undefined;

  constructor(
    private readonly message: Localized,
    private readonly context: () => Lookup,
  ) {}

  get fr(): string {
    return (this.filledFr ??= this.text('fr'));
  }

  get en(): string {
    return (this.filledEn ??= this.text('en'));
  }

  private text(language: Language): string {
    const facts = (this.made ??= this.context());
    // A placeholder names a fact and a path in it, read as conditions read them: own fields only.
    return fillTemplate(
      this.message[language],
      ({ fact, within }) => readPath(facts(fact), within),
      language,
    );
  }
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
