/**
 * The French RIB key (clé RIB): 97 - ((89 × bank + 15 × branch + 3 × account) mod 97), the
 * letters of the account number replaced by digits as the banks do: A–I and J–R give 1–9,
 * S–Z give 2–9.
 */
const LETTER_DIGITS: Record<string, string> = {};
'ABCDEFGHI'.split('').forEach((c, i) => (LETTER_DIGITS[c] = String(i + 1)));
'JKLMNOPQR'.split('').forEach((c, i) => (LETTER_DIGITS[c] = String(i + 1)));
'STUVWXYZ'.split('').forEach((c, i) => (LETTER_DIGITS[c] = String(i + 2)));

export interface RibParts {
  bank: string;
  branch: string;
  number: string;
}

/** The key a RIB should have, as two digits. */
export function ribKey({ bank, branch, number }: RibParts): string {
  const digits = number
    .toUpperCase()
    .split('')
    .map((c) => LETTER_DIGITS[c] ?? c)
    .join('');
  const sum = 89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(digits);
  return String(97n - (sum % 97n)).padStart(2, '0');
}

/** The RIB as one text, for comparing accounts: `30001 00064 00000092441 40`. */
export function ribText(account: RibParts & { key: string }): string {
  return `${account.bank} ${account.branch} ${account.number.toUpperCase()} ${account.key}`;
}

/**
 * What identifies an account: bank, branch and number, `30001 00064 00000092441`. The key only
 * checks them (A4-RIB-KEY judges it), so an account written with a mistyped key is the same one.
 */
export function accountId(account: RibParts): string {
  return `${account.bank} ${account.branch} ${account.number.toUpperCase()}`;
}
