/** JSON pointers (RFC 6901) and the human paths that messages show (`payments[0].amount`). */

// A pointer is made for every item of every collection: a segment with neither `~` nor `/`
// (almost all of them) is taken as it is, without a regular expression.

export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  return text.includes('~') || text.includes('/')
    ? text.replace(/~/g, '~0').replace(/\//g, '~1')
    : text;
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += '/' + escapeSegment(segment);
  return pointer;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  if (!pointer.includes('~')) return segments;
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/payments/0/amount` -> `payments[0].amount`; the root is `(record)`. */
export function humanPath(pointer: string): string {
  const segments = splitPointer(pointer);
  if (segments.length === 0) return '(record)';
  let out = '';
  for (const segment of segments) {
    if (/^(0|[1-9]\d*)$/.test(segment)) out += `[${segment}]`;
    else if (/^[\w-]+$/u.test(segment)) out += (out ? '.' : '') + segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
