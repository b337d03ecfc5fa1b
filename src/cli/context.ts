/** What every command shares: exit codes, the language of the environment, the tool's identity. */
import { Option } from 'commander';
import type { Language } from '../rules/template.js';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * 0 nothing at or above the failure threshold; 1 a breach (or what --fail-on names); 2 an input
 * error in a record, a broken rule pack, or bad usage; 3 an internal error (a bug).
 */
export const EXIT = { ok: 0, breach: 1, input: 2, internal: 3 } as const;

export const toolInfo = { name: 'clausier', version: packageJson.version };

export interface CliContext {
  setExit(code: number): void;
  /** The language of the environment (LC_ALL, LC_MESSAGES, LANG), for commands without --lang. */
  language: Language;
}

/** The language of messages: the environment's locale, French if it is French. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const languageOption = (): Option =>
  new Option('--lang <language>', 'language of messages (default: from LANG)').choices([
    'fr',
    'en',
  ]);
