/** The French of the command line's usage errors, as commander words them. */
import type { Entry } from './entry.js';

/** commander's usage errors (their `error: ` taken off), by the CLI (src/cli/main.ts). */
export const USAGE: Entry[] = [
  [
    'unknown option {option} (did you mean {other}?)',
    'option inconnue {option} (vouliez-vous dire {other} ?)',
  ],
  ['unknown option {option}', 'option inconnue {option}'],
  [
    'unknown command {command} (did you mean {other}?)',
    'commande inconnue {command} (vouliez-vous dire {other} ?)',
  ],
  ['unknown command {command}', 'commande inconnue {command}'],
  ['missing required argument {name}', 'argument obligatoire manquant : {name}'],
  ['option {option} argument missing', 'l’option {option} attend une valeur'],
  ['required option {option} not specified', 'option obligatoire absente : {option}'],
  [
    'option {option} argument {value} is invalid. Allowed choices are {choices}.',
    'la valeur {value} de l’option {option} n’est pas valable. Choix possibles : {choices}.',
  ],
  [
    'command-argument value {value} is invalid for argument {name}. Allowed choices are {choices}.',
    'la valeur {value} de l’argument {name} n’est pas valable. Choix possibles : {choices}.',
  ],
  [
    'too many arguments for {command}. Expected {n} argument{s} but got {m}.',
    'trop d’arguments pour {command} : {n} attendu(s), {m} donné(s).',
  ],
  [
    'too many arguments. Expected {n} argument{s} but got {m}.',
    'trop d’arguments : {n} attendu(s), {m} donné(s).',
  ],
];
