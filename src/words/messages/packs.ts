/** The French of the messages about rule packs, for their authors. */
import type { Entry } from './entry.js';

/** Rule packs, for their authors (src/rules/pack/, template.ts, lint.ts). */
export const PACKS: Entry[] = [
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
