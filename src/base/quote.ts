/**
 * A value quoted in a message: between single quotes, and cut after 60 characters (with `…`), so
 * that a megabyte-long key or string never makes a megabyte-long message.
 */
export const QUOTE_LENGTH = 60;

export function shorten(text: string, max = QUOTE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function quote(text: string, max = QUOTE_LENGTH): string {
  return `'${shorten(text, max)}'`;
}

/**
 * Characters a terminal acts on (the C0 controls but tab, DEL, the C1 controls) and those that
 * reorder what is shown (bidirectional controls): a file name or a value holding them could clear
 * a terminal, retitle it or disguise a line. A line feed too: a value holding one would start a
 * line of its own, which a reader (or GitHub Actions, for a line that starts with `::`) takes for
 * one clausier wrote. What clausier writes on several lines, it escapes line by line.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for one line of a terminal: every control character shown as its escape (`\x1B`, `\x0A`). */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    const hex = code.toString(16).toUpperCase();
    return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
}
