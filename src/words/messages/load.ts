/**
 * The French of the messages of loading a file: its bytes and text, its YAML (src/load/), and what
 * the `yaml` package says of a syntax error.
 */
import type { Entry } from './entry.js';

/** Bytes, text and YAML structure (src/load/text.ts, read.ts, index.ts, yaml/). */
export const LOADING: Entry[] = [
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
    '%YAML {v}: records are YAML 1.2, whose dates, numbers and keys YAML {w} reads otherwise (expected no %YAML directive, or %YAML 1.2)',
    '%YAML {v} : les dossiers sont en YAML 1.2, dont YAML {w} lit autrement les dates, les nombres et les clés (attendu : pas de directive %YAML, ou %YAML 1.2)',
  ],
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
export const YAML_SYNTAX: Entry[] = [
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
