/** The words both views share, in French and English: statuses, severities, parties. */
import type { FindingStatus } from '../model/finding.js';
import type { Language } from '../base/language.js';
import type { Obligor, Severity } from '../model/pack.js';

export const STATUS_WORDS: Record<Language, Record<FindingStatus, string>> = {
  fr: {
    breach: 'manquement',
    waived: 'avec dérogation',
    undetermined: 'indéterminé',
    pending: 'en attente',
    satisfied: 'respecté',
    'not-applicable': 'sans objet',
  },
  en: {
    breach: 'breach',
    waived: 'waived',
    undetermined: 'undetermined',
    pending: 'pending',
    satisfied: 'satisfied',
    'not-applicable': 'not applicable',
  },
};

/** A symbol for each status, so that it reads without colour (in grey print, for instance). */
export const STATUS_SYMBOLS: Record<FindingStatus, string> = {
  breach: '✗',
  waived: '(✗)',
  undetermined: '?',
  pending: '…',
  satisfied: '✓',
  'not-applicable': '–',
};

export const SEVERITY_WORDS: Record<Language, Record<Severity, string>> = {
  fr: { error: 'erreur', warning: 'avertissement' },
  en: { error: 'error', warning: 'warning' },
};

const PARTIES = {
  fr: { collectivite: 'la collectivité', dinsic: 'la DINSIC' },
  en: { collectivite: 'the collectivité', dinsic: 'the DINSIC' },
} as const;

/** The parties to the convention, each named once here, by their id in records and packs. */
export const PARTY_WORDS: Record<Language, Readonly<Record<string, string>>> = PARTIES;

/** Who owes an obligation: a party, or both. */
export const OBLIGOR_WORDS: Record<Language, Record<Obligor, string>> = {
  fr: { ...PARTIES.fr, both: 'les deux parties' },
  en: { ...PARTIES.en, both: 'both parties' },
};

/** Months, for the axis of a timeline: no locale data is used, so output is the same anywhere. */
export const MONTHS_SHORT: Record<Language, string[]> = {
  fr: [
    'janv.',
    'févr.',
    'mars',
    'avr.',
    'mai',
    'juin',
    'juil.',
    'août',
    'sept.',
    'oct.',
    'nov.',
    'déc.',
  ],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
