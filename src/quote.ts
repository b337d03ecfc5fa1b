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
