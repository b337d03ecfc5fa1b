/**
 * Every generated file, as { path: content }, computed without writing anything; `french` gives
 * the text of French files (src/model/*.fr.yaml) instead of reading them.
 */
export function generateAll(options?: {
  french?: Record<string, string>;
}): Promise<Record<string, string>>;
