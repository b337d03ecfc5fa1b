/**
 * A bounded memo: what records name again and again (a week's days, its label, a day written),
 * made once. Emptied when full, so that a record of thousands of distinct keys does not keep
 * them all.
 */
export const MEMO_BOUND = 4096;

/** The value remembered for a key, made by `make` the first time it is asked for. */
export function remembered<K, V>(memo: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_BOUND) memo.clear();
    memo.set(key, (value = make(key)));
  }
  return value;
}
