// The texts that cost clausier the most memory for their size, on each YAML path: what the memory
// bound is measured on (test/memory.test.ts, and the bench row "peak memory, worst shapes").
//
// The fast path's worst texts are as dense in values as it reads before it gives up (one entry
// for 8 characters, one collection for 32: src/load/yaml/fast.ts): many short strings, numbers,
// empty collections. The exact path's are dense in YAML tokens and aliases, and start with a tab,
// which the fast path never reads. Each text is at most `bytes` long (ASCII: as many bytes).

/** `head`, then as many `unit` as fit in `bytes`, then `tail`. */
function fill(bytes, head, unit, tail) {
  const count = Math.max(0, Math.floor((bytes - head.length - tail.length) / unit.length));
  return head + unit.repeat(count) + tail;
}

/** Texts for the fast path, by name, of at most `bytes` bytes each. */
export function fastPathShapes(bytes) {
  return {
    // Strings: one for 9 characters, each a string of its own (`ab,` then spaces).
    strings: fill(bytes, 'a: [', 'ab,      ', 'ab]\n'),
    // Decimals: each a heap number.
    decimals: fill(bytes, 'a: [', '.5,      ', '.5]\n'),
    // Empty mappings: one collection for 33 characters, in a flow and in a block.
    'flow mappings': fill(bytes, 'a: [', `{},${' '.repeat(30)}`, '{}]\n'),
    'block mappings': fill(bytes, 'a:\n', `  - {}${' '.repeat(26)}\n`, ''),
    // Keys whose order JavaScript would change, so that their written order is kept beside them.
    'number keys': (() => {
      const lines = ['a:'];
      let length = 3;
      for (let i = 0; length + 12 < bytes; i++) {
        const line = `  ${i}: 0`.padEnd(11, ' ');
        lines.push(line);
        length += line.length + 1;
      }
      return lines.join('\n') + '\n';
    })(),
  };
}

/** Texts for the exact path, by name, of at most `bytes` bytes each. */
export function exactPathShapes(bytes) {
  const tab = '#\t\n';
  const fifty = Array.from({ length: 50 }, (_, i) => `k${i}: {}`).join(', ');
  return {
    // Aliases of a mapping of 50 mappings, expanded until the alias budget runs out.
    'aliases of a large mapping': fill(bytes, `${tab}x: &a {${fifty}}\na: [`, '*a,', '*a]\n'),
    'aliases of an empty mapping': fill(bytes, `${tab}x: &a {}\na: [`, '*a,', '*a]\n'),
    // Numbers and empty mappings in a flow sequence: two or three tokens for each value.
    numbers: fill(bytes, `${tab}a: [`, '0,', '0]\n'),
    'empty mappings': fill(bytes, `${tab}a: [`, '{},', '{}]\n'),
  };
}
