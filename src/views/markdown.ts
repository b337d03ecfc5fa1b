/**
 * Markdown that diffs cleanly in a pull request: text escaped so that it reads as written,
 * paragraphs wrapped at one width at word boundaries, no trailing spaces. A change to one clause
 * or rule changes the lines of that clause or rule, and nothing else.
 */

/** The width prose is wrapped at, prefixes included. */
export const WIDTH = 100;

/**
 * Escapes text so that Markdown shows it as written: emphasis, links, code, HTML and table
 * characters lose their meaning. Line starts are the wrapper's business (`wrap`).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** The pack's prose: its `code spans` kept as they are, the rest escaped. */
export function proseMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`') ? part : escapeMarkdown(part),
    )
    .join('');
}

/** A cell of a table: escaped, on one line. */
export function cellMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/**
 * A word that would start a list, a heading, a quote, a table or a fence if it began a line: a
 * line is never broken before it, so that wrapping never changes what the text says.
 */
const UNSAFE_START = /^(?:[-+*>#=|~]|\d+[.)])/;

/**
 * Wraps a paragraph (already escaped) at `width`, breaking only at spaces. The first line starts
 * with `first`, the others with `next` (a list item's indentation, a quote's `> `).
 */
export function wrap(text: string, first = '', next = first, width = WIDTH): string[] {
  const lines: string[][] = [[]];
  const length = (line: string[], index: number): number =>
    (index === 0 ? first : next).length + line.join(' ').length;
  for (const word of words(text)) {
    const line = lines[lines.length - 1]!;
    if (line.length === 0 || length([...line, word], lines.length - 1) <= width) {
      line.push(word);
    } else if (!UNSAFE_START.test(word)) {
      lines.push([word]);
    } else if (line.length > 1) {
      // The word may not start a line: the one before it goes down with it.
      lines.push([line.pop()!, word]);
    } else line.push(word);
  }
  return lines.map((line, i) => `${i === 0 ? first : next}${line.join(' ')}`.trimEnd());
}

/**
 * The words a paragraph may be broken between. A link stays whole, and French punctuation stays
 * with its word (`« dinsic »`, `encodée :`), as non-breaking spaces would keep it.
 */
function words(text: string): string[] {
  const tokens = text.match(/(?:\[(?:\\.|[^\]\\])*\]\([^)\s]*\)|\S)+/g) ?? [];
  const out: string[] = [];
  let glue = false;
  for (const token of tokens) {
    if (out.length > 0 && (glue || /^[»:;!?]+[.,]?$/.test(token)))
      out[out.length - 1] += ` ${token}`;
    else out.push(token);
    glue = token === '«';
  }
  return out;
}

/** A line of verbatim text, escaped so that its start does not become Markdown syntax. */
function escapeLineStart(line: string): string {
  if (/^[-+*](?:\s|$)/.test(line) || /^[#=]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A verbatim text as a block quote: its paragraphs kept, its line breaks kept as hard breaks
 * (a backslash at the end of a line), every line wrapped.
 */
export function quoteMarkdown(text: string): string[] {
  const out: string[] = [];
  const paragraphs = text.split(/\n[ \t]*\n/);
  paragraphs.forEach((paragraph, p) => {
    if (p > 0) out.push('>');
    const lines = paragraph.split('\n');
    lines.forEach((line, i) => {
      const wrapped = wrap(escapeLineStart(escapeMarkdown(line.trim())), '> ');
      if (i < lines.length - 1) wrapped[wrapped.length - 1] += '\\';
      out.push(...wrapped);
    });
  });
  return out;
}

/** A table: a header row, an alignment row (`r` right-aligns a column) and the rows. */
export function tableMarkdown(header: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(align.map((a) => (a === 'r' ? '---:' : '---'))),
    ...rows.map((row) => line(row)),
  ];
}
