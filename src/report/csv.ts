/**
 * A table as CSV (RFC 4180): fields separated by commas, records ended by CRLF, a field quoted
 * when it holds a comma, a double quote or a line break, its double quotes doubled. The file
 * starts with a UTF-8 byte order mark, which is how Excel knows the accents are UTF-8. Amounts
 * are numbers in euros with a dot and two decimals (`1150.00`), exact from the cents; dates are
 * `YYYY-MM-DD`; yes or no in the language of the table.
 *
 * A text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
 * formula by a spreadsheet (CSV injection, OWASP): such a text is written after an apostrophe,
 * as spreadsheets themselves mark a text. Only text cells are concerned: a record's ids and
 * names come from files anyone may write.
 */
import { formatEurosPlain } from '../base/money.js';
import type { Language } from '../base/language.js';
import { SHEET_WORDS, type CellType, type CellValue, type Table } from './sheets.js';

const BOM = '\ufeff';

function field(value: CellValue, type: CellType, language: Language): string {
  if (value === null) return '';
  let text: string;
  if (type === 'money' && typeof value === 'number') text = formatEurosPlain(value);
  else if (typeof value === 'boolean')
    text = value ? SHEET_WORDS[language].yes : SHEET_WORDS[language].no;
  else text = String(value);
  if (type === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(table: Table, language: Language): string {
  const lines = [
    table.columns.map((c) => field(c.header, 'text', language)).join(','),
    ...table.rows.map((row) =>
      row.map((value, i) => field(value, table.columns[i]!.type, language)).join(','),
    ),
  ];
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}
