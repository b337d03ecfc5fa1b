/**
 * The French of clausier's messages. Messages are composed in English where the problem is found
 * (loading a record, a waiver file or a rule pack, reading the command line), and put into the
 * language of the run in one place, with one table of English templates and their French (its
 * parts in src/words/messages/, by where the messages come from), as gettext keys its catalogue
 * by the English text. The finders stay as they are, and every message of a French run is French:
 * test/french.test.ts runs each kind of bad input in both languages, and fails on a French message
 * that is English or unknown to this table.
 *
 * The placeholders of a template are described in src/words/messages/entry.ts. Templates that
 * start with words are tried before those that start with a placeholder, which would take those
 * words for a value.
 */
import type { Language } from '../base/language.js';
import type { Entry } from './messages/entry.js';
import { USAGE } from './messages/cli.js';
import { LOADING, YAML_SYNTAX } from './messages/load.js';
import { PACKS } from './messages/packs.js';
import { RUN } from './messages/run.js';
import { SCHEMA, VALUES, schemaPhrases } from './messages/schema.js';

interface Template {
  /** The English, as a regular expression with a group for each placeholder. */
  pattern: RegExp;
  /** Literal text the English starts and ends with: most templates are ruled out by them. */
  starts: string;
  ends: string;
  placeholders: { name: string; kind: '' | '*' | '?' | ',' | '~' }[];
  french: string;
}

const PLACEHOLDER = /\{(\w+)([*?,~]?)\}/g;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile([english, french]: Entry): Template {
  const placeholders: Template['placeholders'] = [];
  let source = '';
  let last = 0;
  for (const match of english.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(english.slice(last, match.index)) + '(.*?)';
    placeholders.push({
      name: match[1]!,
      kind: match[2] as Template['placeholders'][number]['kind'],
    });
    last = match.index + match[0].length;
  }
  source += escapeRegExp(english.slice(last));
  const first = english.search(PLACEHOLDER);
  const tail = /\{\w+[*?,~]?\}([^{}]*)$/.exec(english);
  return {
    pattern: new RegExp(`^${source}$`, 's'),
    starts: first < 0 ? english : english.slice(0, first),
    ends: first < 0 ? english : (tail?.[1] ?? ''),
    placeholders,
    french,
  };
}

/** Literal entries, looked up whole; templates with placeholders, tried in order. */
let literals: Map<string, string> | undefined;
let templates: Template[] | undefined;

function table(): { literals: Map<string, string>; templates: Template[] } {
  if (literals === undefined || templates === undefined) {
    literals = new Map();
    templates = [];
    for (const entry of [
      ...LOADING,
      ...YAML_SYNTAX,
      ...SCHEMA,
      ...VALUES,
      ...RUN,
      ...PACKS,
      ...USAGE,
      ...schemaPhrases(),
    ]) {
      if (entry[0].search(PLACEHOLDER) >= 0) templates.push(compile(entry));
      else if (!literals.has(entry[0])) literals.set(entry[0], entry[1]);
    }
    // Stable: among templates that start alike, the table's order holds.
    templates.sort((a, b) => b.starts.length - a.starts.length);
  }
  return { literals, templates };
}

/** Every entry of the table, English and French: for the tests, which read its vocabulary. */
export function entries(): readonly Entry[] {
  return [...LOADING, ...YAML_SYNTAX, ...SCHEMA, ...VALUES, ...RUN, ...PACKS, ...USAGE];
}

/** The French of an English message or phrase, or undefined when this table does not know it. */
export function french(text: string): string | undefined {
  const { literals, templates } = table();
  const literal = literals.get(text);
  if (literal !== undefined) return literal;
  // `where: what`, where `where` is a path in a file, an option or a name: the what translated.
  const prefixed = /^(\S+): (.+)$/s.exec(text);
  if (prefixed) {
    const rest = french(prefixed[2]!);
    if (rest !== undefined)
      return `${prefixed[1] === '(record)' ? '(dossier)' : prefixed[1]} : ${rest}`;
  }
  for (const template of templates) {
    if (!text.startsWith(template.starts) || !text.endsWith(template.ends)) continue;
    const match = template.pattern.exec(text);
    if (!match) continue;
    const values = new Map<string, string | undefined>();
    let usable = true;
    template.placeholders.forEach(({ name, kind }, i) => {
      const raw = match[i + 1]!;
      if (kind === '') values.set(name, raw);
      else if (kind === ',') values.set(name, raw.replace('.', ','));
      else if (kind === '~') values.set(name, raw.replace(/ or (?=\S+$)/, ' ou '));
      else {
        const translated = french(raw);
        if (translated === undefined && kind === '*') usable = false;
        values.set(name, translated);
      }
    });
    if (!usable) continue;
    // Segments whose phrase has no French are left out; a bare one must have it.
    const rendered = template.french
      .replace(/\[\[(.*?)\]\]/gs, (_, segment: string) =>
        [...segment.matchAll(/\{(\w+)\}/g)].every((m) => values.get(m[1]!) !== undefined)
          ? segment
          : '',
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) => values.get(name) ?? `\u0000${whole}`);
    if (!rendered.includes('\u0000')) return rendered;
  }
  return undefined;
}

/** A message in the language of the run: as composed, in English, or in French. */
export function inLanguage(message: string, language: Language): string {
  if (language === 'en') return message;
  return french(message) ?? message;
}
