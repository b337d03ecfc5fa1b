/**
 * The shape of an entry of the message tables (src/words/messages/*.ts), which src/words/messages.ts
 * puts together. A template's placeholders match any text, shortest first; in the French,
 * `{name}` puts it back as written (a value, a path, a file, a number), `{name*}` as translated by
 * the same table (a phrase such as `a calendar date (YYYY-MM-DD)`), `{name?}` likewise where the
 * French can do without it: a segment `[[...]]` holding it is left out when it has no French (the
 * first sentence of a rule pack schema's description, which only has English). `{name,}` is a
 * decimal number, written with a comma in French; `{name~}` a list of names, its last `or` an `ou`.
 */

/** [English, French]: see the module's comment for the placeholders. */
export type Entry = readonly [en: string, fr: string];
