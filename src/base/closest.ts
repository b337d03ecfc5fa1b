/** A name as compared for a typo: case and accents aside (`Collectivité` is `collectivite`). */
const folded = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The allowed name nearest a misspelt one, when it is near enough to be a likely typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  // A word much longer than every candidate is no typo of one (and would be slow to compare).
  const longest = Math.max(0, ...candidates.map((c) => c.length));
  if (word.length > 2 * longest + 2) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const written = folded(word);
  for (const candidate of candidates) {
    const distance = levenshtein(written, folded(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
