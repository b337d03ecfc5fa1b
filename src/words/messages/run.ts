/** The French of the messages about the files a run is given and about checking them. */
import type { Entry } from './entry.js';

/** Files and folders given on the command line (src/run/targets.ts), and checking (src/pipeline.ts). */
export const RUN: Entry[] = [
  ['the pattern matches no file', 'le motif ne correspond à aucun fichier'],
  ['no such file or folder', 'fichier ou répertoire introuvable'],
  ['the folder cannot be read', 'le répertoire ne peut pas être lu'],
  [
    'the folder holds no .yaml or .yml file',
    'le répertoire ne contient aucun fichier .yaml ou .yml',
  ],
  [
    'a link to a folder that holds it (a loop): it is not followed',
    'un lien vers un répertoire qui le contient (une boucle) : il n’est pas suivi',
  ],
  [
    'a link to {target}, which does not exist (expected a record file)',
    'un lien vers {target}, qui n’existe pas (attendu : un fichier de dossier)',
  ],
  [
    'a link to {target}, which leads back to itself through links (expected a record file)',
    'un lien vers {target}, qui mène à lui-même de lien en lien (attendu : un fichier de dossier)',
  ],
  [
    'a named pipe, a socket or a device, not a file (expected a record file)',
    'un tube nommé, une socket ou un périphérique, non un fichier (attendu : un fichier de dossier)',
  ],
  [
    '{template} has no rule pack (known: {known}; or give one with --rules)',
    '{template} n’a pas de jeu de règles (connus : {known} ; ou donnez-en un avec --rules)',
  ],
  [
    '{template} is not the template of the rule pack given ({pack})',
    '{template} n’est pas le modèle du jeu de règles donné ({pack})',
  ],
  [
    '{value} is not a number of threads (1 to 999)',
    '{value} n’est pas un nombre de fils d’exécution (de 1 à 999)',
  ],
  [
    '{value} is not a size (e.g. 20000000, 20M or 512k)',
    '{value} n’est pas une taille (par exemple 20000000, 20M ou 512k)',
  ],
  [
    '{value} refuses every file (expected at least 1 byte)',
    '{value} refuse tous les fichiers (attendu : au moins 1 octet)',
  ],
  // Before the next: its {output} would take in the option and the record.
  ['{option} (the report of {record}): {what*}', '{option} (le rapport de {record}) : {what}'],
  [
    '{output} is {input}, an input of this run: it is never written over',
    '{output} est {input}, une entrée de cette exécution : elle n’est jamais écrasée',
  ],
  ['cannot write {file} ({code})', 'impossible d’écrire {file} ({code})'],
  [
    '{file} is a folder (expected a file’s name)',
    '{file} est un répertoire (attendu : un nom de fichier)',
  ],
  ['nothing given (expected a file’s name)', 'rien de donné (attendu : un nom de fichier)'],
  ['nothing given (expected a folder)', 'rien de donné (attendu : un répertoire)'],
  [
    '--format xlsx writes a workbook, not text: name its file with --output',
    '--format xlsx écrit un classeur, non du texte : nommez son fichier avec --output',
  ],
  [
    "a portfolio writes each record's report beside its page: name the page's file",
    'un portefeuille écrit le rapport de chaque dossier à côté de sa page : nommez le fichier de la page',
  ],
  ['{path} is a file (expected a folder)', '{path} est un fichier (attendu : un répertoire)'],
  ['cannot create the folder {path} ({code})', 'impossible de créer le répertoire {path} ({code})'],
  ['the folder {path} does not exist', 'le répertoire {path} n’existe pas'],
  [
    '{file} exists already: clausier init never overwrites a file',
    '{file} existe déjà : clausier init n’écrase jamais un fichier',
  ],
  ['not a rule pack (no pack.yaml in it)', 'pas un jeu de règles (il n’y a pas de pack.yaml)'],
  [
    'there is no rule {id} in {pack} (did you mean {other}?); see clausier rules',
    'il n’y a pas de règle {id} dans {pack} (vouliez-vous dire {other} ?) ; voir clausier rules',
  ],
  [
    'there is no rule {id} in {pack}; see clausier rules',
    'il n’y a pas de règle {id} dans {pack} ; voir clausier rules',
  ],
  [
    'the folder of its cases, {dir}, does not exist (pack.yaml names it in cases:)',
    'le répertoire de ses cas, {dir}, n’existe pas (pack.yaml le nomme dans cases:)',
  ],
  ['expected the case as a sentence', 'attendu : le cas, en une phrase'],
  ['expected rule, case, line and message', 'attendu : rule, case, line et message'],
  ['expected line and message', 'attendu : line et message'],
  [
    '{later} is before {field} ({earlier}): an intrapreneur leaves a project on or after joining it',
    '{later} est avant {field} ({earlier}) : un intrapreneur quitte un projet le jour où il l’a rejoint ou après',
  ],
  [
    '{later} is before {field} ({earlier}): a notice is received on or after the day it is sent',
    '{later} est avant {field} ({earlier}) : une mise en demeure est reçue le jour de son envoi ou après',
  ],
  [
    '{value} is not the id of an amendment of this record (did you mean {other}?)',
    '{value} n’est l’identifiant d’aucun avenant de ce dossier (vouliez-vous dire {other} ?)',
  ],
  [
    '{value} is not the id of an amendment of this record',
    '{value} n’est l’identifiant d’aucun avenant de ce dossier',
  ],
  ['expected a list', 'attendu : une liste'],
  ['the rule pack', 'le jeu de règles'],
  ['the waiver file', 'le fichier de dérogations'],
  [
    '{a} and {b} would both be written to standard output (give all of them but one an --output.<format> FILE)',
    '{a} et {b} seraient tous deux écrits sur la sortie standard (donnez à tous sauf un un --output.<format> FICHIER)',
  ],
  [
    '{a} and {b} would both be written to {file} (give each its own --output.<format> FILE)',
    '{a} et {b} seraient tous deux écrits dans {file} (donnez à chacun son --output.<format> FICHIER)',
  ],
  [
    '{record} cannot be reported on until its input error is fixed:',
    'pas de rapport sur {record} tant que son erreur de saisie n’est pas corrigée :',
  ],
  [
    '{record} cannot be reported on until its {n} input errors are fixed:',
    'pas de rapport sur {record} tant que ses {n} erreurs de saisie ne sont pas corrigées :',
  ],
  ['{subject*} cannot be used:', '{subject} est inutilisable :'],
  // How a case differs from what it expects (src/run/cases.ts), for `clausier test`.
  ['missing {field}: {item}', 'manque dans {field} : {item}'],
  ['unexpected {field}: {item}', 'en trop dans {field} : {item}'],
  ['input error at {at}: {message}', 'erreur de saisie à {at} : {message}'],
  [
    '{old} is an old spelling; use {instead}',
    '{old} est une ancienne orthographe ; utilisez {instead}',
  ],
];
