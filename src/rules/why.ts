/**
 * A finding's trace as a lawyer reads it (`clausier check --why`, the HTML report): one line per
 * step, each value written as the language writes it, each record value with its line, each
 * parameter and derived fact with its clause, each derived fact with its formula. The JSON
 * report keeps the whole tree; this reading stops where the steps no longer explain the verdict.
 */
import type { TraceNode } from '../model/trace.js';
import { formatValue } from './template.js';
import { type Language } from '../base/language.js';
import type { Localized } from '../model/pack.js';

/** One line of a trace's reading. */
export interface WhyLine {
  depth: number;
  /** The line as text: its body, then its notes in brackets. */
  text: string;
  /** What it reads and its value, without the notes. */
  body: string;
  /** The record's lines it cites (links in HTML, related locations in SARIF), and in words. */
  lines: number[];
  linesText?: string;
  /** Its other notes: the parameter's name, the clauses, "see above". */
  notes: string[];
}

/** How deep a reading goes below the decision: deeper steps are in the JSON trace. */
const MAX_DEPTH = 5;

const WORDS = {
  fr: {
    why: 'Pourquoi',
    yes: 'oui',
    no: 'non',
    unknown: 'inconnu',
    line: (l: string) => `ligne ${l}`,
    lines: (l: string) => `lignes ${l}`,
    absent: 'absent du dossier',
    parameter: (name: string) => `paramètre ${name}`,
    counted: (n: number) =>
      n === 0 ? 'aucun élément compté' : n === 1 ? '1 élément compté' : `${n} éléments comptés`,
    all: 'toutes ces conditions',
    any: 'l’une de ces conditions',
    not: 'le contraire de',
    written: 'valeur écrite dans la règle',
    deadline: 'échéance',
    colon: ' : ',
    same: 'ci-dessus',
    extended: (end: string, passed: string) =>
      `le délai expire le ${end}, jour non ouvrable : il est prorogé jusqu’au premier jour ouvrable suivant (C. proc. civ., art. 642), après ${passed}`,
    passed: { saturday: 'samedi', sunday: 'dimanche', holiday: 'jour férié' },
  },
  en: {
    why: 'Why',
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    line: (l: string) => `line ${l}`,
    lines: (l: string) => `lines ${l}`,
    absent: 'not in the record',
    parameter: (name: string) => `parameter ${name}`,
    counted: (n: number) =>
      n === 0 ? 'no item counted' : n === 1 ? '1 item counted' : `${n} items counted`,
    all: 'all of these',
    any: 'any of these',
    not: 'the opposite of',
    written: 'value written in the rule',
    deadline: 'due date',
    colon: ': ',
    same: 'see above',
    extended: (end: string, passed: string) =>
      `the period ends on ${end}, a day without work: extended to the next working day (C. proc. civ., art. 642), past ${passed}`,
    passed: { saturday: 'Saturday', sunday: 'Sunday', holiday: 'public holiday' },
  },
} as const;

/** The formats `formatValue` knows, by the trace's value types. */
const FORMAT_OF: Record<string, string> = { money: 'eur' };

/** A value as the language writes it. */
function valueText(node: TraceNode, language: Language): string {
  const w = WORDS[language];
  const value = node.value;
  if (value !== null && typeof value === 'object' && 'missing' in value) return w.unknown;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  // A mapping (days released by week): its entries, the first few.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const shown = entries
      .slice(0, 5)
      .map(([k, v]) => `${k}${w.colon}${formatValue(v, undefined, language)}`);
    return `{ ${shown.join(', ')}${entries.length > 5 ? ', …' : ''} }`;
  }
  return formatValue(
    value,
    node.type !== undefined ? (FORMAT_OF[node.type] ?? node.type) : undefined,
    language,
  );
}

/** `185–192`, `173, 180`: lines, consecutive ones as a range. */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return out.join(', ');
}

/** Words without the `[name]` the pack's descriptions of references carry. */
const plainWords = (text: string): string => text.replace(/ \[[^\]]*\]/g, '');

const holdsText = (holds: TraceNode['holds'], language: Language): string =>
  holds === 'unknown' ? WORDS[language].unknown : holds ? WORDS[language].yes : WORDS[language].no;

/** The lines of a trace's reading, the decision first. */
export function whyLines(trace: TraceNode, language: Language): WhyLine[] {
  const w = WORDS[language];
  const out: WhyLine[] = [];
  const seen = new Set<string>();
  const push = (depth: number, body: string, lines: number[] = [], notes: string[] = []): void => {
    const linesText =
      lines.length === 0
        ? undefined
        : lines.length === 1
          ? w.line(lineRanges(lines))
          : w.lines(lineRanges(lines));
    const all = [...(linesText !== undefined ? [linesText] : []), ...notes];
    out.push({
      depth,
      text: all.length > 0 ? `${body} (${all.join(' ; ')})` : body,
      body,
      lines,
      ...(linesText !== undefined && { linesText }),
      notes,
    });
  };
  const visit = (node: TraceNode, depth: number): void => {
    const notes: string[] = [];
    const lines: number[] = [];
    let body: string;
    let children = node.inputs ?? [];
    switch (node.kind) {
      case 'decision':
        body = `${w.why}${w.colon}${node.words[language]}`;
        break;
      case 'group':
        body =
          node.operator === 'condition'
            ? `${plainWords(node.words[language])}${w.colon}${holdsText(node.holds, language)}`
            : `${node.operator === 'any' ? w.any : node.operator === 'not' ? w.not : w.all}${w.colon}${holdsText(node.holds, language)}`;
        break;
      case 'about':
        body = node.words[language];
        break;
      case 'comparison':
        body = `${plainWords(node.words[language])}${w.colon}${holdsText(node.holds, language)}`;
        break;
      case 'items':
        for (const item of node.items ?? []) if (item.line !== undefined) lines.push(item.line);
        body = w.counted(node.count ?? 0);
        break;
      case 'deadline':
        push(depth, `${w.deadline}${w.colon}${valueText(node, language)}`);
        push(depth + 1, `= ${plainWords(node.words[language])}`);
        if (node.extended !== undefined) {
          const day = (text: string): string => formatValue(text, 'date', language);
          const passed = node.extended.passed
            .map((p) => `${day(p.day)} (${w.passed[p.why]})`)
            .join(', ');
          push(depth + 1, w.extended(day(node.extended.end), passed));
        }
        if (depth < MAX_DEPTH) for (const child of children) visit(child, depth + 1);
        return;
      case 'value':
        body = `${node.name === undefined ? w.written : plainWords(node.words[language])}${w.colon}${valueText(node, language)}`;
        break;
      default: {
        const value = node.value;
        const absent = node.kind === 'record' && (value === null || value === undefined);
        body = `${plainWords(node.words[language])}${w.colon}${absent ? w.absent : valueText(node, language)}`;
        if (node.kind === 'parameter' && node.name !== undefined)
          notes.push(w.parameter(node.name.replace(/^params\./, '')));
        if (node.line !== undefined) lines.push(node.line);
        if (node.cite !== undefined) notes.push(node.cite);
      }
    }
    // A derived fact already read is not read again.
    const key =
      node.kind === 'derived' && node.name !== undefined
        ? `${node.name}:${JSON.stringify(node.value)}`
        : undefined;
    if (key !== undefined && seen.has(key)) {
      notes.push(w.same);
      children = [];
    } else if (key !== undefined) seen.add(key);
    push(depth, body, lines, notes);
    if (depth >= MAX_DEPTH) return;
    if (node.formula !== undefined && children.length > 0)
      push(depth + 1, `= ${plainWords(node.formula[language])}`);
    for (const child of children) visit(child, depth + 1);
  };
  visit(trace, 0);
  return out;
}

/** A trace's reading as text, indented by two spaces per step below `indent`. */
export function whyText(trace: TraceNode, language: Language, indent = ''): string {
  return whyLines(trace, language)
    .map((l) => `${indent}${'  '.repeat(l.depth)}${l.text}\n`)
    .join('');
}

/** A place of the record a trace cites, with what is read there. */
export interface CitedPlace {
  pointer: string;
  line: number;
  column: number;
  words: Localized;
}

/** Every place of the record a trace cites, once each, in the order the trace reads them. */
export function citedPlaces(trace: TraceNode): CitedPlace[] {
  const out = new Map<string, CitedPlace>();
  const visit = (node: TraceNode): void => {
    if (node.pointer !== undefined && node.line !== undefined && !out.has(node.pointer))
      out.set(node.pointer, {
        pointer: node.pointer,
        line: node.line,
        column: node.column ?? 1,
        words: node.words,
      });
    for (const item of node.items ?? [])
      if (item.line !== undefined && !out.has(item.pointer))
        out.set(item.pointer, {
          pointer: item.pointer,
          line: item.line,
          column: item.column ?? 1,
          words: node.words,
        });
    for (const input of node.inputs ?? []) visit(input);
  };
  visit(trace);
  return [...out.values()];
}
