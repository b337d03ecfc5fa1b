// A generator of realistic programme records for the benchmarks: a seeded random programme with
// N projects, M intrapreneurs each, W weeks of pré-incubation, an expense ledger, and, on demand,
// breaches (a short week, a missed coaching session, a payment over the cap, a late refund).
// The same seed always gives the same record, byte for byte.
//
//   node bench/generate.mjs --count 1000 --out /tmp/records [--seed 1] [--breaches 0.3]
//   node bench/generate.mjs --size 1000000 > big.yaml        (about 1 MB)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** mulberry32: a small, good, seeded generator. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Calendar arithmetic on day numbers (days since 1970-01-01). UTC milliseconds are exact for
// whole days and never touch the machine's time zone, so the records are the same everywhere.
const DAY_MS = 86_400_000;
const dayFromCivil = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const date = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day) => ((((day + 3) % 7) + 7) % 7) + 1;
function isoWeek(day) {
  const thursday = day + 4 - weekday(day);
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}
const euros = (cents) => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;

const FIRST = [
  'Camille',
  'Sami',
  'Léa',
  'Noé',
  'Inès',
  'Hugo',
  'Chloé',
  'Yanis',
  'Jade',
  'Malo',
  'Lina',
  'Adam',
];
const LAST = [
  'Martin',
  'Benali',
  'Robert',
  'Durand',
  'Petit',
  'Moreau',
  'Garnier',
  'Roux',
  'Faure',
  'Blanc',
];
const PURPOSES = ['coaching', 'technical-support', 'methodological-support'];
/** The collectivités of generated records, by seed (no draw: the rest of a record is unchanged). */
const TOWNS = [
  'Ville de Bench',
  'Ville de Montreuil',
  'Ville de Pantin',
  'Ville de Bagnolet',
  'Ville de Romainville',
  'Ville de Bondy',
  'Ville d’Aubervilliers',
  'Ville de Vincennes',
  'Ville de Saint-Ouen',
  'Ville de Noisy-le-Sec',
  'Ville de Rosny-sous-Bois',
  'Ville de Fontenay-sous-Bois',
  'Département de l’Exemple',
];

/**
 * A programme record as YAML text.
 * @param {{ seed?: number, projects?: number, intrapreneurs?: number, weeks?: number,
 *           expenses?: number, breaches?: number }} options
 */
export function generateRecord(options = {}) {
  const rand = random(options.seed ?? 1);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const projects = options.projects ?? 2;
  const perProject = options.intrapreneurs ?? 2;
  const weeks = options.weeks ?? 14;
  const breaches = options.breaches ?? 0;

  // A Monday between 2019 and 2024 for the signature; phases follow, Monday to Friday.
  const signed = dayFromCivil(2019, 1, 7) + 7 * Math.floor(rand() * 52 * 5);
  const callStart = signed + 7;
  const callEnd = callStart + 25;
  const selectionStart = callEnd + 3;
  const selectionEnd = selectionStart + 11;
  const preStart = selectionEnd + 3;
  const preEnd = preStart + 7 * weeks - 3;
  const pocDay = preEnd + 4;
  const decisionStart = pocDay + 6;
  const decisionEnd = decisionStart + 11;
  const asOf = decisionEnd + 150;
  const closed = new Set();
  for (let w = 0; w < weeks; w++) if (chance(0.05)) closed.add(isoWeek(preStart + 7 * w));

  const out = [];
  out.push(`# Generated programme record (seed ${options.seed ?? 1}): bench/generate.mjs`);
  out.push(`asOf: ${date(asOf)}`, '');
  out.push(
    'convention:',
    `  id: bench-${options.seed ?? 1}`,
    '  template: dinsic-preincubation-2019',
    '  signatures:',
  );
  out.push(
    '    - party: collectivite',
    '      signatory: Alex Dupont',
    `      date: ${date(signed)}`,
  );
  out.push('    - party: dinsic', '      signatory: Nadi Bou Hanna', `      date: ${date(signed)}`);
  out.push('  copies: 2', `  communicatedToController: ${date(signed + 5)}`, '');
  out.push(
    'parties:',
    '  dinsic:',
    '    name: DINSIC',
    '    account:',
    '      holder: SCBCM SERVICES PREMIER MINISTRE',
  );
  out.push(
    '      bank: "30001"',
    '      branch: "00064"',
    '      number: "00000092441"',
    '      key: "40"',
  );
  out.push(
    '  collectivite:',
    `    name: ${TOWNS[(options.seed ?? 1) % TOWNS.length]}`,
    '    account:',
    '      holder: VILLE DE BENCH',
  );
  out.push(
    '      bank: "30001"',
    '      branch: "00934"',
    '      number: C9320000000',
    '      key: "63"',
    '',
  );
  out.push('terms: {}', '', 'phases:');
  out.push(
    '  call:',
    `    start: ${date(callStart)}`,
    `    end: ${date(callEnd)}`,
    '    supportedBy: dinsic',
  );
  out.push('  selection:', `    start: ${date(selectionStart)}`, `    end: ${date(selectionEnd)}`);
  out.push('  preincubation:', `    start: ${date(preStart)}`, `    end: ${date(preEnd)}`);
  out.push('  pocPresentation:', `    start: ${date(pocDay)}`, `    end: ${date(pocDay)}`);
  out.push(
    '  incubationSelection:',
    `    start: ${date(decisionStart)}`,
    `    end: ${date(decisionEnd)}`,
    '',
  );
  out.push(
    'seminar:',
    `  date: ${date(preStart + (chance(breaches / 4) ? 20 : 1))}`,
    '  title: Séminaire de lancement',
    '',
  );
  out.push(`closedWeeks: [${[...closed].join(', ')}]`, '', 'projects:');

  let person = 0;
  for (let p = 0; p < projects; p++) {
    out.push(
      `  - id: projet-${p + 1}`,
      `    title: Projet ${p + 1}`,
      '    problem: Un problème de politique publique à résoudre.',
    );
    out.push(
      '    selection:',
      `      date: ${date(selectionEnd - 1)}`,
      '      agreedBy: [collectivite, dinsic]',
      '      criteria:',
    );
    out.push(
      '        problemScale: 500 demandes par an.',
      '        intrapreneurProfile: Agent volontaire.',
    );
    out.push(
      '        solutionCredibility: Prototype testé avec des usagers.',
      '    intrapreneurs:',
    );
    for (let i = 0; i < perProject; i++, person++) {
      out.push(
        `      - name: ${pick(FIRST)} ${pick(LAST)} ${person + 1}`,
        '        service: Direction de la transformation',
      );
      const release = [];
      const sessions = [];
      const leave = [];
      for (let w = 0; w < weeks; w++) {
        const monday = preStart + 7 * w;
        const week = isoWeek(monday);
        if (closed.has(week)) continue;
        if (chance(0.03)) {
          leave.push(week);
          continue;
        }
        const days = chance(breaches / 10) ? 0.5 : pick([1, 1, 1, 1.5, 2]);
        release.push(`${week}: ${days}`);
        if (!chance(breaches / 10)) sessions.push(date(monday + Math.floor(rand() * 5)));
      }
      out.push(`        release: { ${release.join(', ')} }`);
      out.push(`        leave: [${leave.join(', ')}]`);
      out.push(
        '        coaching:',
        '          coach: Alex Durand',
        `          sessions: [${sessions.join(', ')}]`,
      );
    }
    out.push(
      '    technicalSupport:',
      `      - date: ${date(preStart + 14)}`,
      '        by: dinsic',
      '        topic: Maquette',
    );
    out.push(
      '    pocPresentation:',
      `      date: ${date(pocDay)}`,
      '      committee: Comité stratégique',
    );
    out.push(
      '    incubationDecision:',
      `      date: ${date(decisionStart + 2)}`,
      '      outcome: stop',
      '      agreedBy: [collectivite, dinsic]',
      '',
    );
  }

  // The contribution, the expenses charged to it, and the refund of what is left.
  const paid = chance(breaches / 4) ? 1_200_000 : 1_000_000;
  out.push(
    'payments:',
    '  - id: versement-unique',
    `    date: ${date(signed + 10)}`,
    '    from: collectivite',
    '    to: dinsic',
  );
  out.push(
    `    amount: ${euros(paid)}`,
    '    account: { bank: "30001", branch: "00064", number: "00000092441", key: "40" }',
  );
  out.push(
    '    imputation:',
    '      fundOfConcours: 1-2-00548',
    '      programme: "352"',
    '',
    'expenses:',
  );
  const count = options.expenses ?? 8;
  let spent = 0;
  const budget = 900_000;
  for (let e = 0; e < count; e++) {
    const cents = Math.max(1, Math.floor((budget / count) * (0.5 + rand())));
    const amount = spent + cents > budget ? 0 : cents;
    spent += amount;
    const day = callStart + Math.floor(((decisionEnd - callStart) * e) / Math.max(1, count));
    out.push(
      `  - { id: depense-${e + 1}, date: ${date(day)}, amount: ${euros(amount)}, purpose: ${pick(PURPOSES)} }`,
    );
  }
  const refund = paid - Math.min(paid, spent);
  out.push('', 'refunds:');
  if (refund > 0 && !chance(breaches / 4)) {
    out.push(
      '  - id: restitution',
      `    date: ${date(decisionEnd + 60)}`,
      '    from: dinsic',
      '    to: collectivite',
    );
    out.push(
      `    amount: ${euros(refund)}`,
      '    account: { bank: "30001", branch: "00934", number: C9320000000, key: "63" }',
    );
  } else out[out.length - 1] = 'refunds: []';
  out.push('', 'amendments: []', '');
  return out.join('\n');
}

/** The options that give a record of about `bytes` bytes: a longer, larger programme, and its ledger. */
export function optionsForSize(bytes, seed = 1) {
  if (bytes <= 20_000)
    return {
      seed,
      projects: 2,
      intrapreneurs: 2,
      weeks: 14,
      expenses: Math.max(8, Math.round((bytes - 7_000) / 90)),
    };
  // A five-year programme with 50 intrapreneurs is about 0.6 MB; the expense ledger makes the rest.
  const weeks = Math.min(260, Math.round(13 + bytes / 4_000));
  const intrapreneurs = Math.min(25, Math.max(2, Math.round(bytes / 40_000)));
  const base = generateRecord({ seed, projects: 2, intrapreneurs, weeks, expenses: 0 }).length;
  return {
    seed,
    projects: 2,
    intrapreneurs,
    weeks,
    expenses: Math.max(8, Math.round((bytes - base) / 92)),
  };
}

const USAGE = `usage: node bench/generate.mjs --count N --out DIR [--seed S] [--breaches P]
       node bench/generate.mjs --size BYTES [--seed S] > record.yaml
  --count N      how many records of about 10 KiB to write into DIR
  --out DIR      the folder to write them in (created if needed)
  --size BYTES   write one record of about BYTES to standard output instead
  --seed S       the seed of the first record (default 1); record i uses S + i
  --breaches P   the chance, 0 to 1, of each kind of breach (default 0)
`;

/** A number option, or exit 2 with the usage when it is not one. */
function numberOption(values, name, fallback) {
  const raw = values[name] ?? fallback;
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value < 0) {
    process.stderr.write(`generate: --${name} wants a number, not '${raw}'\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

// Run as a command, and only then: `clausier lint` bundles the generator, and a bundle run as a
// program (its URL is then the program's) is not this file.
if (
  import.meta.url === `file://${process.argv[1]}` &&
  import.meta.url.endsWith('/bench/generate.mjs')
) {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        out: { type: 'string' },
        size: { type: 'string' },
        seed: { type: 'string' },
        breaches: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const seed = numberOption(values, 'seed', '1');
  if (values.size !== undefined) {
    process.stdout.write(generateRecord(optionsForSize(numberOption(values, 'size'), seed)));
  } else {
    if (values.count === undefined || values.out === undefined) {
      process.stderr.write(`generate: say --count and --out, or --size\n${USAGE}`);
      process.exit(2);
    }
    const count = numberOption(values, 'count');
    const breaches = numberOption(values, 'breaches', '0');
    mkdirSync(values.out, { recursive: true });
    for (let i = 0; i < count; i++) {
      const text = generateRecord({ ...optionsForSize(10_000, seed + i), breaches });
      writeFileSync(join(values.out, `record-${pad(i, 5)}.yaml`), text);
    }
  }
}
