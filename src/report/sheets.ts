/**
 * The two tables of `clausier ledger`, in French or English, as typed cells that every
 * spreadsheet format writes its own way (./csv.ts, ./xlsx.ts): the money ledger (every
 * payment, expense and refund, counted or not, with its line) and the findings (every finding
 * of every record, and the input errors of those that could not be read).
 */
import type { FileReport } from '../model/finding.js';
import type { Movement, MovementKind, NotCounted, RecordName } from '../views/ledger.js';
import type { Language } from '../base/language.js';
import { REPORT_WORDS } from '../words/programme-report.js';
import { OBLIGOR_WORDS, PARTY_WORDS, SEVERITY_WORDS, STATUS_WORDS } from '../words/findings.js';

/**
 * What a cell holds: text; a date (`YYYY-MM-DD`); an amount of money (integer cents); a whole
 * number; yes or no. A null cell is empty.
 */
export type CellType = 'text' | 'date' | 'money' | 'integer' | 'boolean';
export type CellValue = string | number | boolean | null;

export interface Column {
  header: string;
  type: CellType;
  /** A width, in characters, for formats that have one. */
  width: number;
}

export interface Table {
  /** The sheet's name (31 characters at most, as spreadsheets require). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

/** A record, with what the tables show of it. */
export interface LedgerRecord {
  name: RecordName;
  report: FileReport;
  movements: readonly Movement[];
}

export type TableName = 'money' | 'findings';

export const SHEET_WORDS = {
  fr: {
    sheets: { money: 'Mouvements', findings: 'Constats' },
    yes: 'oui',
    no: 'non',
    file: 'Dossier',
    convention: 'Convention',
    collectivite: 'Collectivité',
    kind: 'Mouvement',
    kinds: { payment: 'versement', expense: 'dépense', refund: 'restitution' },
    id: 'Identifiant',
    date: 'Date',
    amount: 'Montant',
    from: 'De',
    to: 'À',
    purpose: 'Objet',
    counted: 'Compté',
    notCounted: 'Pourquoi non compté',
    notCountedWhy: {
      'after-evaluation-date': 'daté après la date d’évaluation',
      'not-eligible': 'dépense non éligible (objet ou hors de la période d’effet)',
      'other-account': 'versée sur un autre compte que celui de la collectivité',
    },
    breaches: 'Manquements',
    line: 'Ligne',
    column: 'Colonne',
    rule: 'Règle',
    title: 'Intitulé',
    status: 'Statut',
    inputError: 'erreur de saisie',
    ruleKind: 'Nature',
    ruleKinds: { obligation: 'obligation', record: 'vérification du dossier' },
    severity: 'Gravité',
    obligor: 'À la charge de',
    due: 'Échéance',
    performed: 'Exécuté le',
    daysLate: 'Jours de retard',
    clause: 'Clause',
    message: 'Constat',
  },
  en: {
    sheets: { money: 'Ledger', findings: 'Findings' },
    yes: 'yes',
    no: 'no',
    file: 'Record',
    convention: 'Convention',
    collectivite: 'Collectivité',
    kind: 'Movement',
    kinds: { payment: 'payment', expense: 'expense', refund: 'refund' },
    id: 'Id',
    date: 'Date',
    amount: 'Amount',
    from: 'From',
    to: 'To',
    purpose: 'Purpose',
    counted: 'Counted',
    notCounted: 'Why not counted',
    notCountedWhy: {
      'after-evaluation-date': 'dated after the evaluation date',
      'not-eligible': 'expense not eligible (purpose, or outside the convention’s period)',
      'other-account': 'paid to another account than the collectivité’s',
    },
    breaches: 'Breaches',
    line: 'Line',
    column: 'Column',
    rule: 'Rule',
    title: 'Title',
    status: 'Status',
    inputError: 'input error',
    ruleKind: 'Kind',
    ruleKinds: { obligation: 'obligation', record: 'check of the record' },
    severity: 'Severity',
    obligor: 'Owed by',
    due: 'Due',
    performed: 'Performed on',
    daysLate: 'Days late',
    clause: 'Clause',
    message: 'Finding',
  },
} satisfies Record<
  Language,
  {
    kinds: Record<MovementKind, string>;
    notCountedWhy: Record<NotCounted, string>;
    sheets: Record<TableName, string>;
  } & Record<string, unknown>
>;

const col = (header: string, type: CellType, width: number): Column => ({ header, type, width });

/** The columns every row starts with: which record it is of. */
function recordColumns(language: Language): Column[] {
  const w = SHEET_WORDS[language];
  return [col(w.file, 'text', 48), col(w.convention, 'text', 24), col(w.collectivite, 'text', 22)];
}

const recordCells = (name: RecordName): CellValue[] => [
  name.file,
  name.convention ?? null,
  name.collectivite ?? null,
];

/** The money ledger: every movement of every record, in the order of the records. */
export function moneyTable(records: readonly LedgerRecord[], language: Language): Table {
  const w = SHEET_WORDS[language];
  const party = (p: string | undefined): string | null =>
    p === undefined ? null : (PARTY_WORDS[language][p] ?? p);
  const purposes = REPORT_WORDS[language].purposes;
  return {
    name: w.sheets.money,
    columns: [
      ...recordColumns(language),
      col(w.kind, 'text', 12),
      col(w.id, 'text', 22),
      col(w.date, 'date', 12),
      col(w.amount, 'money', 14),
      col(w.from, 'text', 16),
      col(w.to, 'text', 16),
      col(w.purpose, 'text', 22),
      col(w.counted, 'boolean', 9),
      col(w.notCounted, 'text', 36),
      col(w.breaches, 'text', 24),
      col(w.line, 'integer', 7),
    ],
    rows: records.flatMap(({ name, movements }) =>
      movements.map((m): CellValue[] => [
        ...recordCells(name),
        w.kinds[m.kind],
        m.id,
        m.date,
        m.amount,
        party(m.from),
        party(m.to),
        m.purpose === undefined ? null : (purposes[m.purpose] ?? m.purpose),
        m.counted,
        m.notCounted === undefined ? null : w.notCountedWhy[m.notCounted],
        m.breaches.length > 0 ? m.breaches.join(', ') : null,
        m.location.line,
      ]),
    ),
  };
}

/** The findings: every finding of every record, then the input errors of the unreadable ones. */
export function findingsTable(records: readonly LedgerRecord[], language: Language): Table {
  const w = SHEET_WORDS[language];
  return {
    name: w.sheets.findings,
    columns: [
      ...recordColumns(language),
      col(w.rule, 'text', 24),
      col(w.title, 'text', 36),
      col(w.status, 'text', 14),
      col(w.ruleKind, 'text', 14),
      col(w.severity, 'text', 12),
      col(w.obligor, 'text', 16),
      col(w.due, 'date', 12),
      col(w.performed, 'date', 12),
      col(w.daysLate, 'integer', 9),
      col(w.clause, 'text', 30),
      col(w.message, 'text', 80),
      col(w.line, 'integer', 7),
      col(w.column, 'integer', 7),
    ],
    rows: records.flatMap(({ name, report }) => [
      ...report.findings.map((f): CellValue[] => [
        ...recordCells(name),
        f.rule,
        f.title,
        STATUS_WORDS[language][f.status],
        w.ruleKinds[f.kind],
        SEVERITY_WORDS[language][f.severity],
        OBLIGOR_WORDS[language][f.obligor],
        f.due ?? null,
        f.performed ?? null,
        f.daysLate ?? null,
        f.cite,
        f.message,
        f.locations[0]?.line ?? null,
        f.locations[0]?.column ?? null,
      ]),
      ...report.errors.map((e): CellValue[] => [
        ...recordCells(name),
        null,
        null,
        w.inputError,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        e.message,
        e.line,
        e.column,
      ]),
    ]),
  };
}

/** The tables a run writes, by name. */
export function ledgerTables(
  records: readonly LedgerRecord[],
  language: Language,
): Record<TableName, Table> {
  return { money: moneyTable(records, language), findings: findingsTable(records, language) };
}
