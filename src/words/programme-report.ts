/** The words of the programme report (`clausier report`), in French and English. */
import type { FindingStatus } from '../model/finding.js';
import { formatEurosEn, formatEurosFr } from '../base/money.js';
import type { Language } from '../base/language.js';

/** The state of a week of the grid (./weeks.ts): what its words below name. */
export type WeekState =
  | 'breach'
  | 'waived'
  | 'closed'
  | 'leave'
  | 'outside'
  | 'after-termination'
  | 'unknown'
  | 'not-over'
  | 'ok';

export interface ReportWords {
  colon: string;
  semicolon: string;
  euros: (cents: number) => string;
  title: string;
  file: string;
  convention: string;
  pack: string;
  asOf: string;
  compliant: string;
  notCompliant: string;
  verdictAsOf: (date: string) => string;
  breaches: (n: number) => string;
  bySeverity: (errors: number, warnings: number) => string;
  rules: (n: number) => string;
  tally: Record<FindingStatus, string>;
  alsoOpen: (undetermined: number, pending: number) => string;
  /** Warnings about the record itself, counted apart from the verdict. */
  recordWarnings: (n: number) => string;
  /** Events dated after the evaluation date, not counted. */
  notYet: (n: number) => string;
  money: string;
  moneyIntro: string;
  cap: string;
  paid: string;
  eligible: string;
  used: string;
  refundDue: string;
  refunded: string;
  balance: string;
  unknown: string;
  balanceUnknown: string;
  movements: string;
  payments: string;
  expenses: string;
  refunds: string;
  id: string;
  date: string;
  amount: string;
  purpose: string;
  line: string;
  total: string;
  none: string;
  purposes: Record<string, string>;
  chartUsed: string;
  chartRefundDue: string;
  chartRefunded: string;
  chartCap: string;
  timeline: string;
  timelineIntro: string;
  conventionLane: string;
  phaseNames: string[];
  lanes: Record<'seminar' | 'money' | 'amendments' | 'termination', string>;
  absent: string;
  /** A phase the record writes but a termination came before: it does not take place. */
  afterTermination: string;
  ongoing: string;
  judgedOn: string;
  outOfScale: string;
  events: string;
  eventNumber: string;
  event: string;
  eventWords: {
    signature: (party: string, who: string | undefined) => string;
    payment: (id: string, amount: string) => string;
    refund: (id: string, amount: string) => string;
    seminar: (title: string | undefined) => string;
    amendmentRequested: (id: string, by: string | undefined) => string;
    amendmentSigned: (id: string, party: string) => string;
    notice: (by: string | undefined) => string;
    noticeReceived: string;
    response: string;
    termination: (by: string | undefined) => string;
  };
  weeks: string;
  weeksIntro: string;
  weekShort: string;
  intrapreneur: string;
  states: Record<WeekState, string>;
  stateMarks: Partial<Record<WeekState, string>>;
  legend: string;
  releaseDays: string;
  sessions: string;
  noWeeks: string;
  weeksRange: (first: string, last: string) => string;
  cellTitle: (name: string, week: string, from: string, to: string) => string;
  released: (days: string) => string;
  sessionsCount: (n: number) => string;
  findings: string;
  findingsIntro: string;
  openFindings: string;
  noOpenFindings: string;
  otherFindings: string;
  rule: string;
  status: string;
  message: string;
  clauses: string;
  obligor: string;
  recordLines: string;
  /** The folded trace under a finding, and the record's lines the traces cite. */
  why: string;
  citedLines: string;
  citedLinesIntro: string;
  missingFields: string;
  waiver: string;
  waivedBy: (who: string, approved: string, until: string) => string;
  waiverFile: (file: string, line: number) => string;
  waivers: string;
  generatedBy: (tool: string, pack: string) => string;
}

const PURPOSES_FR: Record<string, string> = {
  'call-support': 'appui à l’appel à intrapreneurs',
  seminar: 'séminaire',
  coaching: 'coaching',
  'technical-support': 'appui technique',
  'methodological-support': 'appui méthodologique',
  other: 'autre objet',
};

const PURPOSES_EN: Record<string, string> = {
  'call-support': 'support to the call',
  seminar: 'seminar',
  coaching: 'coaching',
  'technical-support': 'technical support',
  'methodological-support': 'methodological support',
  other: 'other purpose',
};

const plural = (n: number, one: string, many: string, language: Language): string =>
  `${n} ${(language === 'fr' ? n <= 1 : n === 1) ? one : many}`;

export const REPORT_WORDS: Record<Language, ReportWords> = {
  fr: {
    colon: ' :',
    semicolon: ' ;',
    euros: formatEurosFr,
    title: 'Rapport de programme',
    file: 'Dossier',
    convention: 'Convention',
    pack: 'Règles',
    asOf: 'Évalué au',
    compliant: 'Conforme',
    notCompliant: 'Non conforme',
    verdictAsOf: (date) => `au ${date}`,
    breaches: (n) => plural(n, 'manquement', 'manquements', 'fr'),
    bySeverity: (e, w) =>
      `${plural(e, 'erreur', 'erreurs', 'fr')}, ${plural(w, 'avertissement', 'avertissements', 'fr')}`,
    rules: (n) => plural(n, 'règle', 'règles', 'fr'),
    tally: {
      breach: 'en manquement',
      waived: 'avec dérogation',
      undetermined: 'indéterminées',
      pending: 'en attente',
      satisfied: 'respectées',
      'not-applicable': 'sans objet',
    },
    alsoOpen: (u, p) =>
      [
        u > 0 ? plural(u, 'obligation indéterminée', 'obligations indéterminées', 'fr') : '',
        p > 0 ? plural(p, 'obligation en attente', 'obligations en attente', 'fr') : '',
      ]
        .filter(Boolean)
        .join(', '),
    money: 'L’argent, au centime',
    moneyIntro:
      'La participation de la collectivité, ce que la DINSIC en a dépensé d’éligible, et ce qu’elle doit en restituer (article 4).',
    cap: 'Plafond de la participation',
    paid: 'Versé par la collectivité',
    eligible: 'Dépenses éligibles de la DINSIC',
    used: 'Crédits utilisés',
    refundDue: 'Restitution due',
    refunded: 'Restitué par la DINSIC',
    balance: 'Solde',
    unknown: 'inconnu',
    recordWarnings: (n) =>
      `${plural(n, 'avertissement', 'avertissements', 'fr')} sur le dossier lui-même, hors verdict sur la convention`,
    notYet: (n) =>
      `${plural(n, 'événement daté', 'événements datés', 'fr')} après la date d’évaluation, non ${n > 1 ? 'comptés' : 'compté'}`,
    balanceUnknown: 'Le solde ne peut être calculé : le dossier est incomplet.',
    movements: 'Le détail des mouvements',
    payments: 'Versements',
    expenses: 'Dépenses',
    refunds: 'Restitutions',
    id: 'Identifiant',
    date: 'Date',
    amount: 'Montant',
    purpose: 'Objet',
    line: 'Ligne',
    total: 'Total',
    none: 'Aucun.',
    purposes: PURPOSES_FR,
    chartUsed: 'utilisé',
    chartRefundDue: 'à restituer',
    chartRefunded: 'restitué',
    chartCap: 'plafond',
    timeline: 'Le calendrier',
    timelineIntro:
      'Les cinq phases de l’article 1, la période de la convention et les événements du dossier ; les numéros renvoient au tableau qui suit.',
    conventionLane: 'Convention',
    phaseNames: [
      '1 · Appel à intrapreneurs',
      '2 · Sélection des projets',
      '3 · Pré-incubation',
      '4 · Preuves de concept',
      '5 · Sélection pour l’incubation',
    ],
    lanes: {
      seminar: 'Séminaire',
      money: 'Versements',
      amendments: 'Avenants',
      termination: 'Résiliation',
    },
    absent: 'absente du dossier',
    afterTermination: 'après la résiliation : n’a pas lieu',
    ongoing: 'en cours',
    judgedOn: 'évalué au',
    outOfScale: 'hors échelle',
    events: 'Événements',
    eventNumber: 'N°',
    event: 'Événement',
    eventWords: {
      signature: (party, who) => `Signature de la convention par ${party}${who ? ` (${who})` : ''}`,
      payment: (id, amount) => `Versement ${id} : ${amount}`,
      refund: (id, amount) => `Restitution ${id} : ${amount}`,
      seminar: (title) => title ?? 'Séminaire de lancement',
      amendmentRequested: (id, by) => `Demande de l’avenant ${id}${by ? ` par ${by}` : ''}`,
      amendmentSigned: (id, party) => `Signature de l’avenant ${id} par ${party}`,
      notice: (by) => `Mise en demeure${by ? ` par ${by}` : ''}`,
      noticeReceived: 'Réception de la mise en demeure',
      response: 'Réponse satisfaisante à la mise en demeure',
      termination: (by) => `Résiliation${by ? ` à la demande de ${by}` : ''}`,
    },
    weeks: 'Les semaines de pré-incubation',
    weeksIntro:
      'Chaque semaine de la phase 3, pour chaque intrapreneur : les jours libérés de ses tâches habituelles (le chiffre) et les points avec un coach (les ●). Une semaine en manquement renvoie au constat qui la concerne.',
    weekShort: 'S',
    intrapreneur: 'Intrapreneur',
    states: {
      breach: 'manquement',
      waived: 'manquement avec dérogation',
      ok: 'sans manquement',
      closed: 'semaine de fermeture',
      leave: 'congé de l’intrapreneur',
      outside: 'hors de la phase 3',
      'after-termination': 'après la résiliation',
      unknown: 'non renseignée',
      'not-over': 'pas encore écoulée',
    },
    stateMarks: { closed: 'fermé', leave: 'congé', 'after-termination': 'résil.' },
    legend: 'Légende',
    releaseDays: 'jours libérés',
    sessions: 'points de coaching',
    noWeeks: 'Aucune semaine de pré-incubation au dossier.',
    weeksRange: (a, b) => `Semaines ${a} à ${b}`,
    cellTitle: (name, week, from, to) => `${name}, semaine ${week} (du ${from} au ${to})`,
    released: (days) => `libéré(e) ${days}`,
    sessionsCount: (n) => plural(n, 'point de coaching', 'points de coaching', 'fr'),
    findings: 'Les constats',
    findingsIntro:
      'Chaque constat avec la clause qu’il applique (les mots que la règle cite sont surlignés) et les lignes du dossier qu’il désigne.',
    openFindings: 'Manquements et points ouverts',
    noOpenFindings: 'Aucun manquement, aucune obligation indéterminée ou en attente.',
    otherFindings: 'Obligations respectées ou sans objet',
    rule: 'Règle',
    status: 'Statut',
    message: 'Constat',
    clauses: 'Clauses',
    obligor: 'Débiteur',
    recordLines: 'Dans le dossier',
    why: 'Pourquoi : le raisonnement, étape par étape',
    citedLines: 'Les lignes du dossier citées',
    citedLinesIntro:
      'Chaque ligne du dossier sur laquelle repose un constat ci-dessus, telle qu’elle est écrite.',
    missingFields: 'À renseigner',
    waiver: 'Dérogation',
    waivedBy: (who, approved, until) => `accordée par ${who} le ${approved}, jusqu’au ${until}`,
    waiverFile: (file, line) => `${file}, ligne ${line}`,
    waivers: 'Dérogations',
    generatedBy: (tool, pack) => `Produit par ${tool} avec le jeu de règles ${pack}.`,
  },
  en: {
    colon: ':',
    semicolon: ';',
    euros: formatEurosEn,
    title: 'Programme report',
    file: 'Record',
    convention: 'Convention',
    pack: 'Rules',
    asOf: 'As of',
    compliant: 'Compliant',
    notCompliant: 'Not compliant',
    verdictAsOf: (date) => `as of ${date}`,
    breaches: (n) => plural(n, 'breach', 'breaches', 'en'),
    bySeverity: (e, w) =>
      `${plural(e, 'error', 'errors', 'en')}, ${plural(w, 'warning', 'warnings', 'en')}`,
    rules: (n) => plural(n, 'rule', 'rules', 'en'),
    tally: {
      breach: 'breached',
      waived: 'waived',
      undetermined: 'undetermined',
      pending: 'pending',
      satisfied: 'satisfied',
      'not-applicable': 'not applicable',
    },
    alsoOpen: (u, p) =>
      [
        u > 0 ? plural(u, 'obligation undetermined', 'obligations undetermined', 'en') : '',
        p > 0 ? plural(p, 'obligation pending', 'obligations pending', 'en') : '',
      ]
        .filter(Boolean)
        .join(', '),
    money: 'The money, to the cent',
    moneyIntro:
      'The collectivité’s contribution, what the DINSIC spent of it on eligible expenses, and what it must refund (article 4).',
    cap: 'Cap on the contribution',
    paid: 'Paid by the collectivité',
    eligible: 'Eligible expenses of the DINSIC',
    used: 'Credits used',
    refundDue: 'Refund due',
    refunded: 'Refunded by the DINSIC',
    balance: 'Balance',
    unknown: 'unknown',
    recordWarnings: (n) =>
      `${plural(n, 'warning', 'warnings', 'en')} about the record itself, apart from the verdict on the convention`,
    notYet: (n) =>
      `${plural(n, 'event', 'events', 'en')} dated after the evaluation date, not counted`,
    balanceUnknown: 'The balance cannot be computed: the record is incomplete.',
    movements: 'The payments, expenses and refunds',
    payments: 'Payments',
    expenses: 'Expenses',
    refunds: 'Refunds',
    id: 'Id',
    date: 'Date',
    amount: 'Amount',
    purpose: 'Purpose',
    line: 'Line',
    total: 'Total',
    none: 'None.',
    purposes: PURPOSES_EN,
    chartUsed: 'used',
    chartRefundDue: 'to refund',
    chartRefunded: 'refunded',
    chartCap: 'cap',
    timeline: 'The timeline',
    timelineIntro:
      'The five phases of article 1, the convention’s period and the events of the record; the numbers refer to the table that follows.',
    conventionLane: 'Convention',
    phaseNames: [
      '1 · Call for intrapreneurs',
      '2 · Selection of projects',
      '3 · Pré-incubation',
      '4 · Proofs of concept',
      '5 · Selection for incubation',
    ],
    lanes: {
      seminar: 'Seminar',
      money: 'Payments',
      amendments: 'Amendments',
      termination: 'Termination',
    },
    absent: 'not in the record',
    afterTermination: 'after the termination: does not take place',
    ongoing: 'ongoing',
    judgedOn: 'as of',
    outOfScale: 'off scale',
    events: 'Events',
    eventNumber: 'No.',
    event: 'Event',
    eventWords: {
      signature: (party, who) => `Convention signed by ${party}${who ? ` (${who})` : ''}`,
      payment: (id, amount) => `Payment ${id}: ${amount}`,
      refund: (id, amount) => `Refund ${id}: ${amount}`,
      seminar: (title) => title ?? 'Launch seminar',
      amendmentRequested: (id, by) => `Amendment ${id} requested${by ? ` by ${by}` : ''}`,
      amendmentSigned: (id, party) => `Amendment ${id} signed by ${party}`,
      notice: (by) => `Formal notice${by ? ` by ${by}` : ''}`,
      noticeReceived: 'Formal notice received',
      response: 'Satisfactory response to the notice',
      termination: (by) => `Termination${by ? ` at the request of ${by}` : ''}`,
    },
    weeks: 'The weeks of pré-incubation',
    weeksIntro:
      'Each week of phase 3, for each intrapreneur: the days released from usual duties (the figure) and the sessions with a coach (the ●). A breaching week links to the finding about it.',
    weekShort: 'W',
    intrapreneur: 'Intrapreneur',
    states: {
      breach: 'breach',
      waived: 'breach waived',
      ok: 'no breach',
      closed: 'closed week',
      leave: 'intrapreneur on leave',
      outside: 'outside phase 3',
      'after-termination': 'after the termination',
      unknown: 'not recorded',
      'not-over': 'not yet over',
    },
    stateMarks: { closed: 'closed', leave: 'leave', 'after-termination': 'term.' },
    legend: 'Key',
    releaseDays: 'days released',
    sessions: 'coaching sessions',
    noWeeks: 'No week of pré-incubation in the record.',
    weeksRange: (a, b) => `Weeks ${a} to ${b}`,
    cellTitle: (name, week, from, to) => `${name}, week ${week} (${from} to ${to})`,
    released: (days) => `released ${days}`,
    sessionsCount: (n) => plural(n, 'coaching session', 'coaching sessions', 'en'),
    findings: 'The findings',
    findingsIntro:
      'Each finding with the clause it applies (the words the rule quotes are highlighted) and the lines of the record it points to.',
    openFindings: 'Breaches and open points',
    noOpenFindings: 'No breach, and no obligation undetermined or pending.',
    otherFindings: 'Obligations satisfied or not applicable',
    rule: 'Rule',
    status: 'Status',
    message: 'Finding',
    clauses: 'Clauses',
    obligor: 'Obligor',
    recordLines: 'In the record',
    why: 'Why: the reasoning, step by step',
    citedLines: 'The record lines cited',
    citedLinesIntro: 'Each line of the record a finding above rests on, as it is written.',
    missingFields: 'To fill in',
    waiver: 'Waiver',
    waivedBy: (who, approved, until) => `approved by ${who} on ${approved}, until ${until}`,
    waiverFile: (file, line) => `${file}, line ${line}`,
    waivers: 'Waivers',
    generatedBy: (tool, pack) => `Generated by ${tool} with the rule pack ${pack}.`,
  },
};
