/**
 * Tables as an XLSX workbook, one sheet per table, with typed cells: dates are dates (shown
 * dd/mm/yyyy in French, yyyy-mm-dd in English), amounts are numbers in a euro currency format,
 * whole numbers are numbers, yes and no are booleans; the header row is bold and stays in view.
 *
 * Written by write-excel-file, which the CLI loads only for `ledger --format xlsx` (see
 * scripts/build.mjs): it is no part of the start-up of the other commands. A date becomes the
 * spreadsheet's serial number from its UTC midnight, the same whatever the machine's time zone.
 * The cells are the same from run to run; the zip inside stamps each part with the time it was
 * written, as spreadsheet applications do.
 */
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { checkedDay } from '../base/calendar.js';
import type { Language } from '../base/language.js';
import type { CellType, CellValue, Table } from './sheets.js';

/** Euros, two decimals, thousands grouped, in the language's place for the symbol. */
export const MONEY_FORMAT: Record<Language, string> = {
  fr: '#,##0.00 [$€-40C];-#,##0.00 [$€-40C]',
  en: '[$€-1809]#,##0.00;-[$€-1809]#,##0.00',
};
export const DATE_FORMAT: Record<Language, string> = { fr: 'dd/mm/yyyy', en: 'yyyy-mm-dd' };

const DAY_MS = 86_400_000;

function cell(value: CellValue, type: CellType, language: Language): Cell {
  if (value === null) return null;
  switch (type) {
    case 'date': {
      // Dates reach a table from a checked record, or computed from checked dates.
      const day = checkedDay(String(value));
      return { value: new Date(day * DAY_MS), type: Date, format: DATE_FORMAT[language] };
    }
    case 'money':
      return { value: Number(value) / 100, type: Number, format: MONEY_FORMAT[language] };
    case 'integer':
      return { value: Number(value), type: Number, format: '0' };
    case 'boolean':
      return { value: Boolean(value), type: Boolean };
    case 'text':
      return { value: String(value), type: String };
  }
}

/** The workbook's bytes. */
export async function formatXlsx(
  tables: readonly Table[],
  language: Language,
): Promise<Uint8Array> {
  const sheets = tables.map((table) => ({
    sheet: table.name,
    data: [
      table.columns.map((c): Cell => ({ value: c.header, type: String, fontWeight: 'bold' })),
      ...table.rows.map((row): Row =>
        row.map((value, i) => cell(value, table.columns[i]!.type, language)),
      ),
    ],
    columns: table.columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }));
  return new Uint8Array(await writeXlsxFile(sheets).toBuffer());
}
