/** JSON pointers (RFC 6901) and the human paths that messages show (`payments[0].amount`). */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + escapeSegment(s)).join('');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
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
