/**
 * The French of clausier's messages. Messages are composed in English where the problem is found
 * (loading a record, a waiver file or a rule pack, reading the command line), and put into the
 * language of the run in one place, with this one table of English templates and their French,
 * as gettext keys its catalogue by the English text. The finders stay as they are, and every
 * message of a French run is French: test/french.test.ts runs each kind of bad input in both
 * languages, and fails on a French message that is English or unknown to this table.
 *
 * A template's placeholders match any text, shortest first; in the French, `{name}` puts it back
 * as written (a value, a path, a file, a number), `{name*}` as translated by this same table (a
 * phrase such as `a calendar date (YYYY-MM-DD)`), `{name?}` likewise where the French can do
 * without it: a segment `[[...]]` holding it is left out when it has no French (the first
 * sentence of a rule pack schema's description, which only has English). `{name,}` is a decimal
 * number, written with a comma in French; `{name~}` a list of names, its last `or` an `ou`.
 * Templates that start with words are tried before those that start with a placeholder, which
 * would take those words for a value.
 */
import clausesSchema from '../../schemas/clauses.schema.json' with { type: 'json' };
import conditionsSchema from '../../schemas/conditions.schema.json' with { type: 'json' };
import packSchema from '../../schemas/pack.schema.json' with { type: 'json' };
import parametersSchema from '../../schemas/parameters.schema.json' with { type: 'json' };
import programmeSchema from '../../schemas/programme.schema.json' with { type: 'json' };
import ruleSchema from '../../schemas/rule.schema.json' with { type: 'json' };
import waiversSchema from '../../schemas/waivers.schema.json' with { type: 'json' };
import type { Language } from '../base/language.js';

/** [English, French]: see the module's comment for the placeholders. */
type Entry = readonly [en: string, fr: string];

const LOADING: Entry[] = [
  // Bytes and text (src/load/text.ts, read.ts, index.ts)
  [
    'the file is empty (expected a programme record: a YAML mapping)',
    'le fichier est vide (attendu : un dossier de programme, une table YAML de champs)',
  ],
  [
    'the file is encoded in {e} (expected UTF-8 text)',
    'le fichier est encodé en {e} (attendu : du texte UTF-8)',
  ],
  [
    'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
    'le fichier contient un octet NUL : il semble binaire (attendu : du texte UTF-8)',
  ],
  [
    'the file is not valid UTF-8 (byte {b} here; save it as UTF-8 text)',
    'le fichier n’est pas de l’UTF-8 valide (octet {b} ici ; enregistrez-le en texte UTF-8)',
  ],
  [
    'the lines of the file end with a carriage return alone (CR, as on old Macs), which YAML does not read as a line end (save it with LF or CRLF line ends)',
    'les lignes du fichier se terminent par un retour chariot seul (CR, comme sur les anciens Mac), que YAML ne lit pas comme une fin de ligne (enregistrez-le avec des fins de ligne LF ou CRLF)',
  ],
  [
    '{what*} is {size*}, over the limit of {limit*} (raise it with --max-size)',
    '{what} fait {size}, au-delà de la limite de {limit} (relevez-la avec --max-size)',
  ],
  ['the file', 'le fichier'],
  ['the input', 'l’entrée'],
  ['larger than {size*}', 'plus de {size}'],
  ['{n} bytes', '{n} octets'],
  ['{n,} KiB', '{n} Kio'],
  ['{n,} MiB', '{n} Mio'],
  ['{n,} GiB', '{n} Gio'],
  ['no such file', 'fichier introuvable'],
  [
    'permission denied: the file cannot be read',
    'permission refusée : le fichier ne peut pas être lu',
  ],
  ['this is a directory, not a file', 'c’est un répertoire, pas un fichier'],
  ['the file cannot be read ({code})', 'le fichier ne peut pas être lu ({code})'],
  // YAML (src/load/yaml/)
  [
    'the document is nested too deeply (more than {n} levels)',
    'le document est imbriqué trop profondément (plus de {n} niveaux)',
  ],
  [
    'the file holds no record (expected a programme record: a YAML mapping)',
    'le fichier ne contient aucun dossier (attendu : un dossier de programme, une table YAML de champs)',
  ],
  [
    'the file holds {n} YAML documents (expected one programme record)',
    'le fichier contient {n} documents YAML (attendu : un seul dossier de programme)',
  ],
  [
    'the document is {what*} (expected a programme record: a YAML mapping)',
    'le document est {what} (attendu : un dossier de programme, une table YAML de champs)',
  ],
  ['a single value', 'une valeur seule'],
  ['YAML syntax: {detail*}', 'syntaxe YAML : {detail}'],
  [
    'the tag {tag} does not fit this value (remove it)',
    'l’étiquette {tag} ne convient pas à cette valeur (retirez-la)',
  ],
  [
    'the tag {tag} is not used in programme records (remove it)',
    'l’étiquette {tag} n’a pas sa place dans un dossier de programme (retirez-la)',
  ],
  [
    'aliases expand the document beyond {n} values (an alias bomb?)',
    'les alias font passer le document au-delà de {n} valeurs (une bombe d’alias ?)',
  ],
  ['unknown alias {alias}', 'alias inconnu {alias}'],
  [
    'a key must be plain text, not a list or a mapping',
    'une clé doit être un simple texte, pas une liste ni une table',
  ],
  ['the key {key} is not allowed in a record', 'la clé {key} n’est pas admise dans un dossier'],
  [
    'duplicate key {key} (first written at line {n})',
    'clé {key} en double (déjà écrite ligne {n})',
  ],
  ['this value cannot be read', 'cette valeur ne peut pas être lue'],
  [
    'the id {id} is already that of {item} (ids must be unique)',
    'l’identifiant {id} est déjà celui de {item} (les identifiants doivent être uniques)',
  ],
];

/** What the `yaml` package says of a syntax error, after `YAML syntax: `. */
const YAML_SYNTAX: Entry[] = [
  ['Implicit keys need to be on a single line', 'une clé implicite doit tenir sur une seule ligne'],
  [
    'Implicit keys of flow sequence pairs need to be on a single line',
    'les clés implicites des paires d’une séquence entre crochets doivent tenir sur une seule ligne',
  ],
  ['Implicit map keys need to be followed by map values', 'une clé doit être suivie de sa valeur'],
  [
    'Nested mappings are not allowed in compact mappings',
    'une table ne peut pas s’imbriquer dans une table compacte',
  ],
  [
    'A block sequence may not be used as an implicit map key',
    'une liste en bloc ne peut pas servir de clé',
  ],
  [
    'All mapping items must start at the same column',
    'tous les champs d’une table doivent commencer à la même colonne',
  ],
  [
    'All sequence items must start at the same column',
    'tous les éléments d’une liste doivent commencer à la même colonne',
  ],
  [
    'All collection items must start at the same column',
    'tous les éléments doivent commencer à la même colonne',
  ],
  ['Map keys must be unique', 'les clés d’une table doivent être uniques'],
  ['Tabs are not allowed as indentation', 'les tabulations ne sont pas admises pour l’indentation'],
  ['Sequence item without - indicator', 'élément de liste sans tiret -'],
  ['Missing closing {quote}quote', 'il manque le guillemet fermant {quote}'],
  ['Missing , between {what*} items', 'il manque une virgule entre les éléments {what}'],
  [
    'Missing , or : between {what*} items',
    'il manque une virgule ou un deux-points entre les éléments {what}',
  ],
  ['Missing space after : in {what*}', 'il manque une espace après le deux-points {what}'],
  ['Unexpected , in {what*}', 'virgule inattendue {what}'],
  ['Unexpected empty item in {what*}', 'élément vide inattendu {what}'],
  ['Unexpected {token} in {what*}', '{token} inattendu {what}'],
  ['Unexpected {token} token', 'élément {token} inattendu'],
  ['Unexpected {token} at node end', '{token} inattendu en fin de valeur'],
  ['Unexpected flow-map-end token', 'accolade fermante } inattendue'],
  ['Unexpected flow-seq-end token', 'crochet fermant ] inattendu'],
  ['flow map', 'dans une table entre accolades'],
  ['flow sequence', 'dans une liste entre crochets'],
  [
    'Plain value cannot start with {char}',
    'une valeur sans guillemets ne peut pas commencer par {char}',
  ],
  ['Invalid escape sequence {seq}', 'séquence d’échappement invalide {seq}'],
  [
    'Comments must be separated from other tokens by white space characters',
    'un commentaire doit être séparé du reste par une espace',
  ],
  [
    'Tags and anchors must be separated from the next token by white space',
    'une étiquette ou une ancre doit être séparée de la suite par une espace',
  ],
  ['A node can have at most one anchor', 'une valeur a au plus une ancre'],
  ['A node can have at most one tag', 'une valeur a au plus une étiquette'],
  [
    'An alias node must not specify any properties',
    'un alias ne peut porter ni ancre ni étiquette',
  ],
  ['Alias cannot be an empty string', 'un alias ne peut pas être vide'],
  ['Anchor cannot be an empty string', 'une ancre ne peut pas être vide'],
  ['Alias ending in : is ambiguous', 'un alias qui finit par : est ambigu'],
  ['Anchor ending in : is ambiguous', 'une ancre qui finit par : est ambiguë'],
  [
    'Anchors and tags must be after the {x} indicator',
    'les ancres et étiquettes se placent après l’indicateur {x}',
  ],
  [
    'Block scalars with more-indented leading empty lines must use an explicit indentation indicator',
    'un bloc de texte qui commence par des lignes vides plus indentées doit indiquer son indentation',
  ],
  [
    'Block scalar values in collections must be indented',
    'un bloc de texte dans une liste ou une table doit être indenté',
  ],
  [
    'Block scalar lines must not be less indented than their {what}',
    'les lignes d’un bloc de texte ne doivent pas être moins indentées que leur {what}',
  ],
  [
    'Block scalar header includes extra characters: {x}',
    'l’en-tête du bloc de texte a des caractères en trop : {x}',
  ],
  [
    'Block collection cannot start on same line with directives-end marker',
    'une liste ou une table ne peut pas commencer sur la ligne du marqueur ---',
  ],
  ['Missing directives-end indicator line', 'il manque la ligne de marqueur ---'],
  ['Missing directives-end/doc-start indicator line', 'il manque la ligne de marqueur ---'],
  [
    'Missing newline after block sequence props',
    'il manque un saut de ligne après l’ancre ou l’étiquette de la liste',
  ],
  ['Unexpected doc-end without preceding document', 'fin de document ... sans document avant elle'],
  [
    'Flow end indicator should be more indented than parent',
    'la fin de la liste ou de la table doit être plus indentée que son parent',
  ],
  [
    'The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
    'le deux-points doit suivre le début de sa clé de 1024 caractères au plus',
  ],
  [
    'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key',
    'le deux-points doit suivre le début de sa clé de 1024 caractères au plus',
  ],
  ['Expected a flow scalar value, but found: {x}', 'une valeur était attendue, mais trouvé : {x}'],
  ['Unresolved tag: {tag}', 'étiquette inconnue : {tag}'],
  [
    'Block collections are not allowed within flow collections',
    'une liste ou une table en bloc ne peut pas se trouver entre crochets ou accolades',
  ],
  ['Block scalar header not found', 'en-tête de bloc de texte introuvable'],
  ['Invalid block scalar header', 'en-tête de bloc de texte invalide'],
  ['Map comment with trailing content', 'commentaire de table suivi d’autre chose'],
  [
    'Unexpected block-seq-ind on same line with key',
    'tiret de liste inattendu sur la ligne de la clé',
  ],
  ['Verbatim tags must end with a >', 'une étiquette littérale doit finir par >'],
  [
    'Unexpected token in block scalar header: {x}',
    'élément inattendu dans l’en-tête du bloc de texte : {x}',
  ],
  ['Could not resolve tag: {tag}', 'étiquette non résolue : {tag}'],
  ['Not a valid tag: {tag}', 'étiquette invalide : {tag}'],
  ['The {tag} tag has no suffix', 'l’étiquette {tag} n’a pas de suffixe'],
  ['Unknown directive {name}', 'directive inconnue {name}'],
  ['Unsupported YAML version {version}', 'version de YAML non prise en charge {version}'],
  ['Unexpected {token} token in YAML document', 'élément {token} inattendu dans le document YAML'],
  ['Unexpected {token} token in YAML stream', 'élément {token} inattendu dans le flux YAML'],
  ['Unsupported token {token}', 'élément non pris en charge {token}'],
  ['Unsupported token (type: {token})', 'élément non pris en charge (type : {token})'],
  ['Not a YAML token: {x}', 'pas un élément YAML : {x}'],
  ['Value may be parsed as either {a} or {b}', 'la valeur peut se lire comme {a} ou comme {b}'],
  [
    "Verbatim tags aren't resolved, so {tag} is invalid.",
    'les étiquettes littérales ne sont pas résolues : {tag} est invalide',
  ],
  [
    'Expected a YAML collection as document contents',
    'attendu : une liste ou une table comme contenu du document',
  ],
  ['collection', 'dans une liste ou une table'],
  ['Flow map must end with a {end}', 'une table entre accolades doit finir par {end}'],
  ['Flow sequence must end with a {end}', 'une liste entre crochets doit finir par {end}'],
  [
    'Flow map in block collection must be sufficiently indented and end with a {end}',
    'une table entre accolades dans un bloc doit être assez indentée et finir par {end}',
  ],
  [
    'Flow sequence in block collection must be sufficiently indented and end with a {end}',
    'une liste entre crochets dans un bloc doit être assez indentée et finir par {end}',
  ],
  ['Tried to pop an empty stack', 'pile vide (défaut du lecteur YAML)'],
  ['With stringKeys, all keys must be strings', 'toutes les clés doivent être du texte'],
  [
    'Source contains control characters; consider using a different serialisation',
    'le texte contient des caractères de contrôle',
  ],
];

/** The schema's complaints (src/load/validate.ts) and what they name. */
const SCHEMA: Entry[] = [
  [
    'unknown field {field} (did you mean {other}?)',
    'champ inconnu {field} (vouliez-vous dire {other} ?)',
  ],
  [
    'unknown field {field} (expected one of {list*})',
    'champ inconnu {field} (attendu : l’un de {list})',
  ],
  [
    'unknown field {field} (an amount written {written}? write {amount}: a dot before the cents)',
    'champ inconnu {field} (un montant écrit {written} ? écrivez {amount} : un point avant les centimes)',
  ],
  ['unknown field {field}', 'champ inconnu {field}'],
  ['missing field {field} ({what?})', 'champ manquant {field}[[ ({what})]]'],
  ['missing field {field}', 'champ manquant {field}'],
  ['{key} is not allowed as a key here', '{key} n’est pas admis comme clé ici'],
  [
    '{value*} is not {noun*} (did you mean {other}?)',
    '{value} n’est pas {noun} (vouliez-vous dire {other} ?)',
  ],
  ['{value*} is not {noun*} (expected {list*})', '{value} n’est pas {noun} (attendu : {list})'],
  ['{value*} is not in any of the allowed forms', '{value} n’a aucune des formes admises'],
  ['{value*} is not {noun*}', '{value} n’est pas {noun}'],
  [
    'expected {expected*}, got {value*} (write it in quotes to keep it as written: {written})',
    'attendu : {expected} ; trouvé : {value} (écrivez la valeur entre guillemets pour la garder telle qu’écrite : {written})',
  ],
  [
    'expected {expected*}, got {value*} (did you mean {amount}? a dot before the cents, no spaces)',
    'attendu : {expected} ; trouvé : {value} (vouliez-vous dire {amount} ? un point avant les centimes, sans espaces)',
  ],
  ['expected {expected*}, got {value*}', 'attendu : {expected} ; trouvé : {value}'],
  ['expected a whole number, got {n}', 'attendu : un nombre entier ; trouvé : {n}'],
  [
    '{value} is not valid here (expected {what?})',
    '{value} n’est pas valable ici[[ (attendu : {what})]]',
  ],
  ['{value} is not valid here', '{value} n’est pas valable ici'],
  [
    '{value} is negative (expected {expected*} of at least 0)',
    '{value} est négatif (attendu : {expected} d’au moins 0)',
  ],
  ['{value} is less than the minimum, {n}', '{value} est inférieur au minimum, {n}'],
  ['{value} is more than the maximum, {n}', '{value} est supérieur au maximum, {n}'],
  ['expected at least {n} item(s)', 'attendu : au moins {n} élément(s)'],
  // What a value is, and what was expected instead
  ['nothing here', 'rien ici'],
  ['nothing', 'rien'],
  ['one of {list*}', 'l’une des valeurs {list}'],
  ['text', 'du texte'],
  ['a number', 'un nombre'],
  ['a whole number', 'un nombre entier'],
  ['true or false', 'true ou false'],
  ['a list', 'une liste'],
  ['a mapping of fields', 'une table de champs'],
  ['a mapping', 'une table'],
  ['a value', 'une valeur'],
  ['an allowed value', 'une valeur admise'],
  ['the text {value}', 'le texte {value}'],
  ['the number {n}', 'le nombre {n}'],
  ['{inf}.inf (infinity)', '{inf}.inf (l’infini)'],
  ['.nan (not a number)', '.nan (pas un nombre)'],
  ['true', 'true'],
  ['false', 'false'],
  // Lists of allowed values: `'a', 'b' or 'c'`, or one value.
  ["'{first}' or '{last}'", "'{first}' ou '{last}'"],
  ["'{only}'", "'{only}'"],
];

/** Dates, weeks, periods (src/base/calendar.ts) and amounts (src/base/money.ts). */
const VALUES: Entry[] = [
  [
    '{value} is not a date: the year has {count*} digits (expected YYYY-MM-DD)',
    '{value} n’est pas une date : l’année a {count} chiffres (attendu : AAAA-MM-JJ)',
  ],
  [
    '{value} is not a date in the form YYYY-MM-DD (write e.g. 2019-08-30)',
    '{value} n’est pas une date de la forme AAAA-MM-JJ (écrivez par exemple 2019-08-30)',
  ],
  [
    '{value} is not a date (expected YYYY-MM-DD)',
    '{value} n’est pas une date (attendu : AAAA-MM-JJ)',
  ],
  [
    '{value} is not a date: there is no month {n}',
    '{value} n’est pas une date : il n’y a pas de mois {n}',
  ],
  [
    '{value} is not a date: {month*} {year} has {n} days',
    '{value} n’est pas une date : {month} {year} compte {n} jours',
  ],
  [
    '{value} is not an ISO week: the year has {count*} digits (expected YYYY-Www)',
    '{value} n’est pas une semaine ISO : l’année a {count} chiffres (attendu : AAAA-Wss)',
  ],
  [
    '{value} is not an ISO week (expected YYYY-Www, e.g. 2019-W42)',
    '{value} n’est pas une semaine ISO (attendu : AAAA-Wss, par exemple 2019-W42)',
  ],
  [
    '{value} is not an ISO week: {year} has {n} ISO weeks (W01 to W{last})',
    '{value} n’est pas une semaine ISO : {year} compte {n} semaines ISO (W01 à W{last})',
  ],
  [
    '{value} is not a period (expected e.g. P30D, P2W, P1M or P1Y)',
    '{value} n’est pas une durée (attendu par exemple : P30D, P2W, P1M ou P1Y)',
  ],
  ['{value} (not a number) is not an amount', '{value} (pas un nombre) n’est pas un montant'],
  ['{value} (infinity) is not an amount', '{value} (l’infini) n’est pas un montant'],
  [
    '{value} is not an amount in euros (write digits with a dot before the cents, e.g. 10000.00)',
    '{value} n’est pas un montant en euros (écrivez des chiffres avec un point avant les centimes, par exemple 10000.00)',
  ],
  [
    '{value} is negative (expected an amount of at least 0)',
    '{value} est négatif (attendu : un montant d’au moins 0)',
  ],
  [
    '{value} has more than two decimals (an amount in euros is exact to the cent)',
    '{value} a plus de deux décimales (un montant en euros est exact au centime)',
  ],
  ['{value} is too large an amount', '{value} est un montant trop grand'],
  ...(
    [
      ['one', 'un'],
      ['two', 'deux'],
      ['three', 'trois'],
      ['four', 'quatre'],
      ['five', 'cinq'],
      ['six', 'six'],
      ['seven', 'sept'],
      ['eight', 'huit'],
      ['nine', 'neuf'],
      ['ten', 'dix'],
      ['January', 'janvier'],
      ['February', 'février'],
      ['March', 'mars'],
      ['April', 'avril'],
      ['May', 'mai'],
      ['June', 'juin'],
      ['July', 'juillet'],
      ['August', 'août'],
      ['September', 'septembre'],
      ['October', 'octobre'],
      ['November', 'novembre'],
      ['December', 'décembre'],
    ] as const
  ).map(([en, fr]) => [en, fr] as Entry),
];

/** Files and folders given on the command line (src/run/targets.ts), and checking (src/pipeline.ts). */
const RUN: Entry[] = [
  ['the pattern matches no file', 'le motif ne correspond à aucun fichier'],
  ['no such file or folder', 'fichier ou répertoire introuvable'],
  ['the folder cannot be read', 'le répertoire ne peut pas être lu'],
  [
    'the folder holds no .yaml or .yml file',
    'le répertoire ne contient aucun fichier .yaml ou .yml',
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
    '{output} is {input}, an input of this run: it is never written over',
    '{output} est {input}, une entrée de cette exécution : elle n’est jamais écrasée',
  ],
  ['cannot write {file} ({code})', 'impossible d’écrire {file} ({code})'],
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

/** Rule packs, for their authors (src/rules/pack/, template.ts, lint.ts). */
const PACKS: Entry[] = [
  [
    "it is not in the pack's folder (expected a file of {folder})",
    'il n’est pas dans le répertoire du jeu de règles (attendu : un fichier de {folder})',
  ],
  [
    'it is not a regular file (expected a text file, not a folder, device or pipe)',
    'ce n’est pas un fichier ordinaire (attendu : un fichier texte, pas un répertoire, un périphérique ou un tube)',
  ],
  ['the file is over the size limit of {n} MiB', 'le fichier dépasse la limite de {n} Mio'],
  ['it cannot be read', 'il ne peut pas être lu'],
  ['the packs extend each other in a cycle', 'les jeux de règles s’étendent l’un l’autre en cycle'],
  [
    'the pack it extends ({pack}) cannot be loaded',
    'le jeu de règles qu’il étend ({pack}) ne peut pas être chargé',
  ],
  ["the convention's text {file}: {problem*}", 'le texte de la convention {file} : {problem}'],
  [
    "the convention's text {file} is not in the pack",
    'le texte de la convention {file} n’est pas dans le jeu de règles',
  ],
  ['the clause id {id} is used twice', 'l’identifiant de clause {id} sert deux fois'],
  ['the pack has no clauses.yaml', 'le jeu de règles n’a pas de clauses.yaml'],
  ['the pack has no parameters.yaml', 'le jeu de règles n’a pas de parameters.yaml'],
  [
    'a rule file is named after its rule id, in capitals (e.g. A4-CAP.yaml)',
    'un fichier de règle porte le nom de sa règle, en capitales (par exemple A4-CAP.yaml)',
  ],
  [
    "the rule id {id} is not the file's name ({file})",
    'l’identifiant de règle {id} n’est pas le nom du fichier ({file})',
  ],
  ['parameter {name}: {problem*}', 'paramètre {name} : {problem}'],
  ['expected an amount in euros', 'attendu : un montant en euros'],
  ['expected a number of at least 0', 'attendu : un nombre d’au moins 0'],
  ['expected a whole number', 'attendu : un nombre entier'],
  ['expected a period such as P30D', 'attendu : une durée comme P30D'],
  ['expected a date YYYY-MM-DD', 'attendu : une date AAAA-MM-JJ'],
  ['expected text', 'attendu : du texte'],
  ['expected a list of texts', 'attendu : une liste de textes'],
  ['expected an account', 'attendu : un compte'],
  ['the fact item exists only in a rule', 'le fait item n’existe que dans une règle'],
  ['the items of {over} have no field {path}', 'les éléments de {over} n’ont pas de champ {path}'],
  ['name the parameter: path: <parameter>', 'nommez le paramètre : path: <paramètre>'],
  [
    'there is no parameter {name} in parameters.yaml',
    'il n’y a pas de paramètre {name} dans parameters.yaml',
  ],
  ['there is no parameter {name}', 'il n’y a pas de paramètre {name}'],
  [
    'the parameter {name} is used but not listed under parameters:',
    'le paramètre {name} sert mais n’est pas listé sous parameters:',
  ],
  ['the parameter {name} has no field {path}', 'le paramètre {name} n’a pas de champ {path}'],
  ['the parameter {name} is not a period', 'le paramètre {name} n’est pas une durée'],
  ['the deadline {name} is a date, with no path', 'l’échéance {name} est une date, sans chemin'],
  ['there is no fact {name}', 'il n’y a pas de fait {name}'],
  ['the fact {name} has no field {path}', 'le fait {name} n’a pas de champ {path}'],
  [
    'there is no named condition {name} in conditions.yaml',
    'il n’y a pas de condition nommée {name} dans conditions.yaml',
  ],
  [
    'the operator {op} parses numbers loosely: use {other~}',
    'l’opérateur {op} lit les nombres trop librement : utilisez {other}',
  ],
  ['there is no operator {op}', 'il n’y a pas d’opérateur {op}'],
  ['{op} compares {kind*}, and {fact} is {type*}', '{op} compare {kind}, et {fact} est {type}'],
  [
    'facts take no params here: use the rule’s deadlines',
    'les faits ne prennent pas de params ici : utilisez les échéances de la règle',
  ],
  ['{op} compares with {expected*}, not {value}', '{op} compare avec {expected}, pas {value}'],
  ['a date YYYY-MM-DD', 'une date AAAA-MM-JJ'],
  ['an amount in integer cents', 'un montant en centimes entiers'],
  ['dates', 'des dates'],
  ['moneys', 'des montants'],
  ['numbers', 'des nombres'],
  ['texts', 'des textes'],
  ['a date', 'une date'],
  ['a money', 'un montant'],
  ['a count', 'un nombre entier'],
  ['a boolean', 'un booléen'],
  ['an object', 'un objet'],
  ['a text', 'un texte'],
  [
    '{what*} nests more than {n} levels deep once the named conditions it uses are written out (expected at most {max})',
    '{what} s’imbrique sur plus de {n} niveaux une fois écrites les conditions nommées qu’elle utilise (attendu : au plus {max})',
  ],
  [
    '{what*} holds more than {n} conditions once the named conditions it uses are written out (expected at most {max})',
    '{what} compte plus de {n} conditions une fois écrites les conditions nommées qu’elle utilise (attendu : au plus {max})',
  ],
  ['the named condition {name}', 'la condition nommée {name}'],
  ['this condition', 'cette condition'],
  [
    'the named conditions form a cycle: {cycle}',
    'les conditions nommées forment un cycle : {cycle}',
  ],
  ['there is no clause {id} in clauses.yaml', 'il n’y a pas de clause {id} dans clauses.yaml'],
  [
    "records cannot change {name}: it is not a field of terms in the record's schema",
    'un dossier ne peut pas changer {name} : ce n’est pas un champ de terms dans le schéma des dossiers',
  ],
  ['only a period has a way of counting', 'seule une durée a une façon de compter'],
  [
    'the quote is from {clause}, which the rule does not list under clauses:',
    'la citation vient de {clause}, que la règle ne liste pas sous clauses:',
  ],
  [
    'there are no items called {over} (known: {known})',
    'il n’y a pas d’éléments appelés {over} (connus : {known})',
  ],
  [
    'the deadline {name} would hide a fact of the same name',
    'l’échéance {name} cacherait un fait du même nom',
  ],
  ['{value} is not a date', '{value} n’est pas une date'],
  ['two breach cases are called {id}', 'deux cas de manquement s’appellent {id}'],
  [
    'the items of {over} have no place called {field}',
    'les éléments de {over} n’ont pas d’emplacement appelé {field}',
  ],
  [
    'a rule with due.when needs a pending message',
    'une règle avec due.when a besoin d’un message pending',
  ],
  [
    'a rule with applies needs a notApplicable message',
    'une règle avec applies a besoin d’un message notApplicable',
  ],
  [
    'a rule with due.when or due.by needs a pending message',
    'une règle avec due.when ou due.by a besoin d’un message pending',
  ],
  [
    'a late message needs due.performedOn, the day the obligation was performed',
    'un message late a besoin de due.performedOn, le jour où l’obligation a été exécutée',
  ],
  [
    'say when the obligation falls due by a date (by) or a condition (when), not both',
    'dites quand l’obligation est due par une date (by) ou par une condition (when), pas les deux',
  ],
  [
    "{placeholder}: this message sums up many items; it cannot show one item's field",
    '{placeholder} : ce message résume plusieurs éléments ; il ne peut pas montrer le champ d’un seul',
  ],
  [
    '{placeholder}: there is no format {format} (known: {known})',
    '{placeholder} : il n’y a pas de format {format} (connus : {known})',
  ],
  ['a severity', 'une gravité'],
  ['an obligor', 'un débiteur'],
  ['a kind of clause unit', 'un type d’unité de clause'],
  ['a parameter type', 'un type de paramètre'],
  ['a way of counting', 'une façon de compter'],
  [
    'a condition (all, any, not, condition, or fact, operator and value)',
    'une condition (all, any, not, condition, ou fact, operator et value)',
  ],
  ['an unclosed { at character {n}', 'une accolade { non fermée au caractère {n}'],
  [
    '{placeholder} is not a placeholder (expected {name.path} or {name.path|format})',
    '{placeholder} n’est pas un emplacement (attendu : {name.path} ou {name.path|format})',
  ],
  ['a } without its { at character {n}', 'une accolade } sans son { au caractère {n}'],
  [
    'the clause units differ from the signed text here: «{units}» where the text has «{text}»',
    'les unités de clause diffèrent du texte signé ici : «{units}» là où le texte a «{text}»',
  ],
  [
    'the quote is not, word for word, in clause {clause}: «{quote}»',
    'la citation n’est pas, mot pour mot, dans la clause {clause} : «{quote}»',
  ],
  [
    'clause {id} is encoded by no rule and does not say why (add notEncoded)',
    'la clause {id} n’est encodée par aucune règle et ne dit pas pourquoi (ajoutez notEncoded)',
  ],
  [
    'clause {id} says it is not encoded, but {rules} encode it',
    'la clause {id} se dit non encodée, mais {rules} l’encodent',
  ],
  ['no case breaches {rule} alone', 'aucun cas ne manque à {rule} seule'],
  ['no case satisfies {rule}', 'aucun cas ne respecte {rule}'],
  [
    'the rule cites {id} but neither quotes it nor uses a parameter taken from it',
    'la règle cite {id} mais ne la cite pas mot pour mot et n’utilise aucun paramètre qui en vient',
  ],
  ['no case exercises the breach case {rule}', 'aucun cas n’exerce le cas de manquement {rule}'],
  [
    "no rule uses the derived fact {name}, directly or through other derived facts (if clausier's reports show it, say shown: true)",
    'aucune règle n’utilise le fait dérivé {name}, ni directement ni par d’autres faits dérivés (si les rapports de clausier le montrent, indiquez shown: true)',
  ],
  [
    "no rule uses the collection {name}, directly or through other derived facts (if clausier's reports show it, say shown: true)",
    'aucune règle n’utilise la collection {name}, ni directement ni par d’autres faits dérivés (si les rapports de clausier la montrent, indiquez shown: true)',
  ],
  [
    'no rule uses the parameter {name}, directly or through derived facts; {rule} lists it under parameters: but does not read it',
    'aucune règle n’utilise le paramètre {name}, ni directement ni par des faits dérivés ; {rule} le liste sous parameters: mais ne le lit pas',
  ],
  [
    'no rule uses the parameter {name}, directly or through derived facts; {rules} list it under parameters: but do not read it',
    'aucune règle n’utilise le paramètre {name}, ni directement ni par des faits dérivés ; {rules} le listent sous parameters: mais ne le lisent pas',
  ],
  [
    'no rule uses the parameter {name}, directly or through derived facts',
    'aucune règle n’utilise le paramètre {name}, ni directement ni par des faits dérivés',
  ],
  [
    '{rule} breaches on none of the records tried ({n}: cases {c}, given {g}, generated {x}): its breach conditions may never hold; if they can, add a case that breaches it',
    'aucun des dossiers essayés ne manque à {rule} ({n} : cas {c}, fournis {g}, générés {x}) : ses conditions de manquement ne sont peut-être jamais remplies ; si elles peuvent l’être, ajoutez un cas qui y manque',
  ],
  [
    '{rule} breaches on every record tried ({n}: cases {c}, given {g}, generated {x}): its breach conditions may always hold; if they need not, add a case that satisfies it',
    'tous les dossiers essayés manquent à {rule} ({n} : cas {c}, fournis {g}, générés {x}) : ses conditions de manquement sont peut-être toujours remplies ; si elles peuvent ne pas l’être, ajoutez un cas qui la respecte',
  ],
  [
    '{rule} breaches on exactly the records tried {other} breaches on ({k} of {n}: cases {c}, given {g}, generated {x}): if they are not one obligation written twice, add a case that breaches one and not the other',
    'les dossiers essayés qui manquent à {rule} sont exactement ceux qui manquent à {other} ({k} sur {n} : cas {c}, fournis {g}, générés {x}) : si ce n’est pas une même obligation écrite deux fois, ajoutez un cas qui manque à l’une et pas à l’autre',
  ],
];

/** commander's usage errors (their `error: ` taken off), by the CLI (src/cli/main.ts). */
const USAGE: Entry[] = [
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

/**
 * The titles and the first sentences of the descriptions of the schemas' types and fields, which
 * messages name (`expected a calendar date (YYYY-MM-DD)`, `missing field 'date' (the day of the
 * payment)`), in French where the schema has it.
 */
function schemaPhrases(): Entry[] {
  const entries: Entry[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const schema = node as Record<string, unknown>;
    const title = schema.title;
    const titleFr = schema['x-title-fr'];
    const article = schema['x-article-fr'];
    if (typeof title === 'string' && typeof titleFr === 'string' && typeof article === 'string') {
      entries.push(
        [title, titleFr],
        [`${/^[aeiou]/i.test(title) ? 'an' : 'a'} ${title}`, `${article} ${titleFr}`],
      );
    }
    const description = schema.description;
    const descriptionFr = schema['x-description-fr'];
    if (typeof description === 'string' && typeof descriptionFr === 'string') {
      const en = firstSentence(description);
      const fr = firstSentence(descriptionFr);
      if (en && fr) entries.push([en, fr]);
    }
    for (const value of Object.values(schema)) visit(value);
  };
  for (const schema of [
    programmeSchema,
    waiversSchema,
    ruleSchema,
    packSchema,
    clausesSchema,
    parametersSchema,
    conditionsSchema,
  ])
    visit(schema);
  return entries;
}

/**
 * Words of a description up to its first full stop or colon, as messages quote it: `the bank
 * code (code banque)`. The same cut as src/load/validate.ts makes of the English.
 */
export function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const sentence = description
    .split(/(?<=[.:])\s/)[0]!
    .replace(/\s*[.:]$/, '')
    .trim();
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

interface Template {
  /** The English, as a regular expression with a group for each placeholder. */
  pattern: RegExp;
  /** Literal text the English starts and ends with: most templates are ruled out by them. */
  starts: string;
  ends: string;
  placeholders: { name: string; kind: '' | '*' | '?' | ',' | '~' }[];
  french: string;
}

const PLACEHOLDER = /\{(\w+)([*?,~]?)\}/g;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile([english, french]: Entry): Template {
  const placeholders: Template['placeholders'] = [];
  let source = '';
  let last = 0;
  for (const match of english.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(english.slice(last, match.index)) + '(.*?)';
    placeholders.push({
      name: match[1]!,
      kind: match[2] as Template['placeholders'][number]['kind'],
    });
    last = match.index + match[0].length;
  }
  source += escapeRegExp(english.slice(last));
  const first = english.search(PLACEHOLDER);
  const tail = /\{\w+[*?,~]?\}([^{}]*)$/.exec(english);
  return {
    pattern: new RegExp(`^${source}$`, 's'),
    starts: first < 0 ? english : english.slice(0, first),
    ends: first < 0 ? english : (tail?.[1] ?? ''),
    placeholders,
    french,
  };
}

/** Literal entries, looked up whole; templates with placeholders, tried in order. */
let literals: Map<string, string> | undefined;
let templates: Template[] | undefined;

function table(): { literals: Map<string, string>; templates: Template[] } {
  if (literals === undefined || templates === undefined) {
    literals = new Map();
    templates = [];
    for (const entry of [
      ...LOADING,
      ...YAML_SYNTAX,
      ...SCHEMA,
      ...VALUES,
      ...RUN,
      ...PACKS,
      ...USAGE,
      ...schemaPhrases(),
    ]) {
      if (entry[0].search(PLACEHOLDER) >= 0) templates.push(compile(entry));
      else if (!literals.has(entry[0])) literals.set(entry[0], entry[1]);
    }
    // Stable: among templates that start alike, the table's order holds.
    templates.sort((a, b) => b.starts.length - a.starts.length);
  }
  return { literals, templates };
}

/** Every entry of the table, English and French: for the tests, which read its vocabulary. */
export function entries(): readonly Entry[] {
  return [...LOADING, ...YAML_SYNTAX, ...SCHEMA, ...VALUES, ...RUN, ...PACKS, ...USAGE];
}

/** The French of an English message or phrase, or undefined when this table does not know it. */
export function french(text: string): string | undefined {
  const { literals, templates } = table();
  const literal = literals.get(text);
  if (literal !== undefined) return literal;
  // `where: what`, where `where` is a path in a file, an option or a name: the what translated.
  const prefixed = /^(\S+): (.+)$/s.exec(text);
  if (prefixed) {
    const rest = french(prefixed[2]!);
    if (rest !== undefined)
      return `${prefixed[1] === '(record)' ? '(dossier)' : prefixed[1]} : ${rest}`;
  }
  for (const template of templates) {
    if (!text.startsWith(template.starts) || !text.endsWith(template.ends)) continue;
    const match = template.pattern.exec(text);
    if (!match) continue;
    const values = new Map<string, string | undefined>();
    let usable = true;
    template.placeholders.forEach(({ name, kind }, i) => {
      const raw = match[i + 1]!;
      if (kind === '') values.set(name, raw);
      else if (kind === ',') values.set(name, raw.replace('.', ','));
      else if (kind === '~') values.set(name, raw.replace(/ or (?=\S+$)/, ' ou '));
      else {
        const translated = french(raw);
        if (translated === undefined && kind === '*') usable = false;
        values.set(name, translated);
      }
    });
    if (!usable) continue;
    // Segments whose phrase has no French are left out; a bare one must have it.
    const rendered = template.french
      .replace(/\[\[(.*?)\]\]/gs, (_, segment: string) =>
        [...segment.matchAll(/\{(\w+)\}/g)].every((m) => values.get(m[1]!) !== undefined)
          ? segment
          : '',
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) => values.get(name) ?? `\u0000${whole}`);
    if (!rendered.includes('\u0000')) return rendered;
  }
  return undefined;
}

/** A message in the language of the run: as composed, in English, or in French. */
export function inLanguage(message: string, language: Language): string {
  if (language === 'en') return message;
  return french(message) ?? message;
}
