/**
 * From the bytes of a file to its text, and from offsets in that text to lines and columns.
 * A record must be UTF-8 text: binary content, another encoding or invalid UTF-8 is an input
 * problem at the first byte at fault.
 */
import type { InputProblem } from '../base/errors.js';

/** Offsets to 1-based lines and columns (columns count UTF-16 code units, as editors do). */
export class LineIndex {
  /** Where each line starts, found on first use (a clean record may never need it). */
  private found: Int32Array | undefined;

  constructor(readonly text: string) {}

  private get starts(): Int32Array {
    if (this.found) return this.found;
    const text = this.text;
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      starts[line++] = i + 1;
    this.found = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  /** The text of a 1-based line, without its line end. */
  lineText(line: number): string {
    const starts = this.starts;
    if (!Number.isInteger(line) || line < 1 || line > starts.length) return '';
    const start = starts[line - 1]!;
    const next = line < starts.length ? starts[line] : undefined;
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}

export type DecodedText = { ok: true; text: string } | { ok: false; problem: InputProblem };

/** The offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The line and column of a byte offset, counting characters of the valid text before it. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: prefix.length + 1 };
}

/** Decodes a file's bytes as UTF-8 text (a UTF-8 byte-order mark is dropped). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const problemAt = (offset: number, message: string): DecodedText => ({
    ok: false,
    problem: { message, ...bytePosition(bytes, offset), pointer: '' },
  });
  if (bytes.length === 0) {
    return problemAt(0, 'the file is empty (expected a programme record: a YAML mapping)');
  }
  const utf32 =
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (utf32) return problemAt(0, 'the file is encoded in UTF-32 (expected UTF-8 text)');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problemAt(0, 'the file is encoded in UTF-16 (expected UTF-8 text)');
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const nul = bytes.indexOf(0, start);
  if (nul !== -1) {
    return problemAt(
      nul,
      'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
    );
  }
  const body = bytes.subarray(start);
  // The decoder checks the bytes natively, many times faster than firstInvalidUtf8; that one is
  // asked only where the bytes are wrong, to say where.
  let text: string | undefined;
  try {
    text = UTF8.decode(body);
  } catch {
    const invalid = firstInvalidUtf8(body);
    if (invalid !== -1) {
      const byte = body[invalid]!.toString(16).toUpperCase().padStart(2, '0');
      return problemAt(
        start + invalid,
        `the file is not valid UTF-8 (byte 0x${byte} here; save it as UTF-8 text)`,
      );
    }
  }
  // Carriage returns alone ended lines on old Macs; YAML does not read them as line ends, so such
  // a file would read as one long line. (A CR before an LF, as on Windows, is a line end.)
  const cr = body.indexOf(0x0d);
  if (cr !== -1 && body.indexOf(0x0a) === -1) {
    return problemAt(
      start + cr,
      'the lines of the file end with a carriage return alone (CR, as on old Macs), which YAML does not read as a line end (save it with LF or CRLF line ends)',
    );
  }
  return { ok: true, text: text ?? new TextDecoder('utf-8').decode(body) };
}

/** A decoder that refuses bytes that are not UTF-8, instead of replacing them. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
