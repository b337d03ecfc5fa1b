/**
 * Message templates: text with placeholders `{path}` or `{path|format}`, filled without any
 * evaluation: a placeholder names a value, a format says how to write it. `{{` and `}}` write
 * braces.
 */
import { formatDate, formatNumber, type Language } from '../base/language.js';
import { formatEurosEn, formatEurosFr } from '../base/money.js';
import { humanPath } from '../base/pointer.js';
import { ownEntry } from '../facts/spec.js';
import { isMissing, splitDotted } from '../facts/missing.js';
import { PARTY_WORDS } from '../words/findings.js';

export const FORMATS = [
  'eur',
  'date',
  'days',
  'count',
  'list',
  'party',
  'parties',
  'phase',
  'week',
  'period',
  'text',
  'path',
];

export interface Placeholder {
  path: string;
  /** The path's first name, the fact, and the fields read in it (`item.week`: item, [week]). */
  fact: string;
  within: readonly string[];
  format?: string;
}

type Part = string | Placeholder;

const cache = new Map<string, Part[] | { problem: string }>();

/** Splits a template into text and placeholders, or says what is wrong with it. */
export function parseTemplate(
  template: string,
): { parts: Part[]; placeholders: Placeholder[] } | { problem: string } {
  const parts = partsOf(template);
  if ('problem' in parts) return parts;
  return { parts, placeholders: parts.filter((p): p is Placeholder => typeof p !== 'string') };
}

/** A template's parts, split once. */
function partsOf(template: string): Part[] | { problem: string } {
  let parts = cache.get(template);
  if (!parts) {
    parts = split(template);
    cache.set(template, parts);
  }
  return parts;
}

function split(template: string): Part[] | { problem: string } {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '{' && template[i + 1] === '{') {
      text += '{';
      i++;
    } else if (c === '}' && template[i + 1] === '}') {
      text += '}';
      i++;
    } else if (c === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) return { problem: `an unclosed { at character ${i + 1}` };
      const inner = template.slice(i + 1, close);
      const match = /^([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*)(?:\|([a-z]+))?$/.exec(inner);
      if (!match)
        return {
          problem: `{${inner}} is not a placeholder (expected {name.path} or {name.path|format})`,
        };
      if (text) parts.push(text);
      text = '';
      const { fact, path: within } = splitDotted(match[1]!);
      const placeholder: Placeholder = { path: match[1]!, fact, within };
      if (match[2] !== undefined) placeholder.format = match[2];
      parts.push(placeholder);
      i = close;
    } else if (c === '}') {
      return { problem: `a } without its { at character ${i + 1}` };
    } else text += c;
  }
  if (text) parts.push(text);
  return parts;
}

const PHASE_NAMES: Record<Language, string[]> = {
  fr: [
    'phase 1 (appel à intrapreneurs)',
    'phase 2 (sélection des projets)',
    'phase 3 (pré-incubation)',
    'phase 4 (présentation des preuves de concept)',
    'phase 5 (sélection des projets à incuber)',
  ],
  en: [
    'phase 1 (call for intrapreneurs)',
    'phase 2 (selection of projects)',
    'phase 3 (pré-incubation)',
    'phase 4 (presentation of the proofs of concept)',
    'phase 5 (selection of projects for incubation)',
  ],
};

/** A party in words; a value that names no party (`constructor`...) is written as it is. */
function partyName(value: unknown, language: Language): string {
  return ownEntry(PARTY_WORDS[language], String(value)) ?? String(value);
}

const NONE: Record<Language, string> = { fr: 'aucune', en: 'none' };

function joinWords(items: string[], language: Language): string {
  if (items.length === 0) return NONE[language];
  if (items.length === 1) return items[0]!;
  const and = language === 'fr' ? ' et ' : ' and ';
  return items.slice(0, -1).join(', ') + and + items[items.length - 1];
}

function formatPeriod(value: string, language: Language): string {
  const match = /^P(\d+)([DWMY])$/.exec(value);
  if (!match) return value;
  const n = Number(match[1]);
  const units: Record<Language, Record<string, [string, string]>> = {
    fr: { D: ['jour', 'jours'], W: ['semaine', 'semaines'], M: ['mois', 'mois'], Y: ['an', 'ans'] },
    en: { D: ['day', 'days'], W: ['week', 'weeks'], M: ['month', 'months'], Y: ['year', 'years'] },
  };
  const [one, many] = units[language][match[2]!]!;
  return `${n} ${n === 1 ? one : many}`;
}

/** Writes a value with a format; the value's type decides when no format is given. */
export function formatValue(
  value: unknown,
  format: string | undefined,
  language: Language,
): string {
  if ((value === null || value === undefined) && format === 'date') {
    return language === 'fr' ? 'date non encore connue' : 'date not yet known';
  }
  if (value === null || value === undefined) return language === 'fr' ? 'néant' : 'none';
  if (isMissing(value)) return language === 'fr' ? 'inconnu' : 'unknown';
  switch (format) {
    case 'eur':
      return typeof value === 'number'
        ? language === 'fr'
          ? formatEurosFr(value)
          : formatEurosEn(value)
        : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, language) : String(value);
    case 'days': {
      if (typeof value !== 'number') return String(value);
      const unit =
        language === 'fr' ? (value < 2 ? 'jour' : 'jours') : value === 1 ? 'day' : 'days';
      return `${formatNumber(value, language)} ${unit}`;
    }
    case 'party':
      return partyName(value, language);
    case 'parties':
    case 'list':
      if (!Array.isArray(value)) return String(value);
      return joinWords(
        value.map((v) => (format === 'parties' ? partyName(v, language) : String(v))),
        language,
      );
    case 'phase':
      return typeof value === 'number'
        ? (PHASE_NAMES[language][value - 1] ?? String(value))
        : String(value);
    case 'period':
      return typeof value === 'string' ? formatPeriod(value, language) : String(value);
    case 'path':
      return typeof value === 'string' ? humanPath(value) : String(value);
    case 'count':
    case 'week':
    case 'text':
    default:
      if (typeof value === 'number') return formatNumber(value, language);
      if (Array.isArray(value)) return joinWords(value.map(String), language);
      return String(value);
  }
}

/** Fills a template; `lookup` answers a placeholder (its fact, and the path within it). */
export function fillTemplate(
  template: string,
  lookup: (placeholder: Placeholder) => unknown,
  language: Language,
): string {
  const parts = partsOf(template);
  if ('problem' in parts) return template;
  let text = '';
  for (const part of parts)
    text += typeof part === 'string' ? part : formatValue(lookup(part), part.format, language);
  return text;
}
