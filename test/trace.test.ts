/**
 * Why a finding is what it is: every finding can carry its trace, from the record's lines through
 * the parameters and the pack's derived facts to the comparison that decided it. The traces of a
 * breaching refund, a termination before its notice period ran out and a week without a day of
 * release read as a lawyer reads them, in French and English; every breach of the cases has a
 * trace that names every amount and date its message gives; the CLI shows traces with --why, in
 * text, in JSON and as SARIF related locations.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/pipeline.js';
import { type Finding } from '../src/model/finding.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacks, builtInPacksDir } from '../src/rules/pack/root.js';
import { packCases } from '../src/rules/cases.js';
import type { TraceNode } from '../src/model/trace.js';
import { citedPlaces, whyLines, whyText } from '../src/rules/why.js';
import type { Language } from '../src/base/language.js';
import { ROOT, runCli } from './helpers.js';

const CASES = {
  refund: [
    'cases/A4-REFUND-UNUSED/no-refund-four-months-after-the-end-breaches-a4-refund-unused.yaml',
    'A4-REFUND-UNUSED',
  ],
  notice: [
    'cases/A5-TERMINATION-NOTICE/a-termination-before-the-notice-period-expires-breaches-a5-termination-notice.yaml',
    'A5-TERMINATION-NOTICE',
  ],
  week: [
    'cases/A1-RELEASE-WEEKLY/an-intrapreneur-released-half-a-day-in-a-week-breaches-a1-release-weekly.yaml',
    'A1-RELEASE-WEEKLY',
  ],
} as const;

/** The breach of a rule in a case, with its trace. */
async function breachOf(name: keyof typeof CASES, language: Language): Promise<Finding> {
  const [file, rule] = CASES[name];
  const report = await checkFile(join(ROOT, file), { trace: true, language });
  const found = report.findings.filter((f) => f.rule === rule && f.status === 'breach');
  expect(found).toHaveLength(1);
  return found[0]!;
}

const EXPECTED: Record<string, string[]> = {
  refund_fr: [
    'Pourquoi : manquement (not-refunded)',
    '  total restitué sur le compte de la collectivité est inférieur à restitution due (versé moins utilisé) : oui',
    '    total restitué sur le compte de la collectivité : 0,00 € (art. 4 al. 4)',
    '      = la somme de « montant » sur chaque restitution où restitution versée sur le compte de la collectivité que désigne la convention vaut true',
    '      aucun élément compté',
    '    restitution due (versé moins utilisé) : 1 150,00 € (art. 4 al. 4)',
    '      = total versé par la collectivité − crédits utilisés : dépenses éligibles, dans la limite du versé',
    '      total versé par la collectivité : 10 000,00 €',
    '        = la somme de « montant du versement » sur chaque versement',
    '        1 élément compté (ligne 173)',
    '      crédits utilisés : dépenses éligibles, dans la limite du versé : 8 850,00 € (art. 4 al. 4)',
    '        = le moindre de : total versé par la collectivité ; total des dépenses éligibles',
    '        total versé par la collectivité : 10 000,00 € (ci-dessus)',
    '        total des dépenses éligibles : 8 850,00 € (art. 4 al. 4)',
    "          = la somme de « montant » sur chaque dépense où la dépense est éligible (objet éligible, dans la période d'effet de la convention) vaut true",
    '          8 éléments comptés (lignes 185–192)',
    '  l’échéance est passée : oui',
    '    date d’évaluation : 30/06/2020',
    '    échéance de la restitution des crédits non utilisés : 14/05/2020 (art. 4 al. 4)',
    '      = fin de la convention (fin de la phase 5, ou résiliation si elle vient avant) + le paramètre refundDelay (Délai de restitution des crédits non utilisés après la fin de la convention : 3 mois)',
    '      fin de la convention (fin de la phase 5, ou résiliation si elle vient avant) : 14/02/2020 (art. 2 al. 1 ; art. 5 al. 1)',
    '        = la plus ancienne de : dernier jour de la phase ; date de la résiliation',
    '        dernier jour de la phase (incubationSelection) : 14/02/2020 (art. 5 al. 1)',
    "          = si la phase manque alors qu'une phase suivante figure au dossier vaut true : inconnu ; sinon : si la phase a lieu (au dossier, avant toute résiliation) vaut true : si toutes ces conditions : date de la résiliation ne vaut pas néant l’une de ces conditions : dernier jour écrit de la phase vaut néant dernier jour écrit de la phase est après la date de la résiliation : date de la résiliation ; sinon : dernier jour écrit de la phase ; sinon : néant",
    "          la phase manque alors qu'une phase suivante figure au dossier : non",
    '          la phase a lieu (au dossier, avant toute résiliation) : oui',
    '          date de la résiliation : absent du dossier',
    '          dernier jour écrit de la phase : 14/02/2020 (ligne 62)',
    '        date de la résiliation : absent du dossier',
    '      Délai de restitution des crédits non utilisés après la fin de la convention : 3 mois (paramètre refundDelay ; art. 4 al. 4)',
  ],
  refund_en: [
    'Why: breach (not-refunded)',
    "  total refunded to the collectivité's account is below refund due (paid less used): yes",
    "    total refunded to the collectivité's account: €0.00 (art. 4 al. 4)",
    "      = the sum of “amount” over each refund where refund paid to the collectivité's account the convention names is true",
    '      no item counted',
    '    refund due (paid less used): €1,150.00 (art. 4 al. 4)',
    '      = total paid by the collectivité − credits used: eligible expenses, up to what was paid',
    '      total paid by the collectivité: €10,000.00',
    '        = the sum of “amount of the payment” over each payment',
    '        1 item counted (line 173)',
    '      credits used: eligible expenses, up to what was paid: €8,850.00 (art. 4 al. 4)',
    '        = the least of: total paid by the collectivité ; total of the eligible expenses',
    '        total paid by the collectivité: €10,000.00 (see above)',
    '        total of the eligible expenses: €8,850.00 (art. 4 al. 4)',
    "          = the sum of “amount” over each expense where the expense is eligible (an eligible purpose, within the convention's period) is true",
    '          8 items counted (lines 185–192)',
    '  the due date has passed: yes',
    '    evaluation date: 2020-06-30',
    '    the deadline for refunding the unused credits: 2020-05-14 (art. 4 al. 4)',
    '      = the end of the convention (end of phase 5, or termination if earlier) + the parameter refundDelay (Time allowed for refunding unused credits after the convention ends: 3 months)',
    '      the end of the convention (end of phase 5, or termination if earlier): 2020-02-14 (art. 2 al. 1 ; art. 5 al. 1)',
    '        = the earliest of: last day of the phase ; termination date',
    '        last day of the phase (incubationSelection): 2020-02-14 (art. 5 al. 1)',
    '          = if the phase is missing while a later phase is in the record is true: unknown; else: if the phase takes place (in the record, before any termination) is true: if all of: termination date is not none any of: last day written is none last day written is after termination date: termination date; else: last day written; else: none',
    '          the phase is missing while a later phase is in the record: no',
    '          the phase takes place (in the record, before any termination): yes',
    '          termination date: not in the record',
    '          last day written: 2020-02-14 (line 62)',
    '        termination date: not in the record',
    '      Time allowed for refunding unused credits after the convention ends: 3 months (parameter refundDelay ; art. 4 al. 4)',
  ],
  notice_fr: [
    'Pourquoi : manquement (too-early)',
    '  date de la résiliation est au plus tard le noticeExpiry (item.noticeRunsFrom + le paramètre noticePeriod (Délai pendant lequel une mise en demeure doit rester sans réponse satisfaisante avant la résiliation : 1 mois)) : oui',
    '    date de la résiliation : 20/12/2019 (ligne 174)',
    '    échéance : 23/12/2019',
    '      = point de départ du délai : réception de la mise en demeure, à défaut sa date + le paramètre noticePeriod (Délai pendant lequel une mise en demeure doit rester sans réponse satisfaisante avant la résiliation : 1 mois)',
    '      le délai expire le 21/12/2019, jour non ouvrable : il est prorogé jusqu’au premier jour ouvrable suivant (C. proc. civ., art. 642), après 21/12/2019 (samedi), 22/12/2019 (dimanche)',
    '      point de départ du délai : réception de la mise en demeure, à défaut sa date : 21/11/2019 (art. 5 al. 1)',
    '        = date de réception de la mise en demeure, à défaut date de la mise en demeure',
    '        date de réception de la mise en demeure : 21/11/2019 (ligne 180)',
    '        date de la mise en demeure : 15/11/2019 (ligne 179)',
    '      Délai pendant lequel une mise en demeure doit rester sans réponse satisfaisante avant la résiliation : 1 mois (paramètre noticePeriod ; art. 5 al. 1)',
  ],
  notice_en: [
    'Why: breach (too-early)',
    '  day of the termination is on or before noticeExpiry (item.noticeRunsFrom + the parameter noticePeriod (Time a formal notice must remain without a satisfactory response before termination: 1 month)): yes',
    '    day of the termination: 2019-12-20 (line 174)',
    '    due date: 2019-12-23',
    "      = when the notice period runs from: the notice's receipt, else its date + the parameter noticePeriod (Time a formal notice must remain without a satisfactory response before termination: 1 month)",
    '      the period ends on 2019-12-21, a day without work: extended to the next working day (C. proc. civ., art. 642), past 2019-12-21 (Saturday), 2019-12-22 (Sunday)',
    "      when the notice period runs from: the notice's receipt, else its date: 2019-11-21 (art. 5 al. 1)",
    '        = day the notice was received, else day of the formal notice',
    '        day the notice was received: 2019-11-21 (line 180)',
    '        day of the formal notice: 2019-11-15 (line 179)',
    '      Time a formal notice must remain without a satisfactory response before termination: 1 month (parameter noticePeriod ; art. 5 al. 1)',
  ],
  week_fr: [
    'Pourquoi : manquement (short-week)',
    '  le constat porte sur',
    '    intrapreneur : Sami Benali',
    '    projet : signalements-voirie',
    '  jours de libération dans la semaine est inférieur au paramètre minReleaseDaysPerWeek (Nombre minimal de jours par semaine où chaque intrapreneur est libéré de ses tâches habituelles : 1 jour) : oui',
    '    jours de libération dans la semaine : 0,5 (art. 1 al. 5, 1re phrase)',
    '      = la valeur de jours de libération, par semaine ISO pour semaine ISO, à défaut 0',
    '      jours de libération, par semaine ISO : { 2019-W42 : 1,5, 2019-W43 : 1,5, 2019-W44 : 1,5, 2019-W45 : 0,5, 2019-W46 : 1,5, … } (ligne 128)',
    '      semaine ISO : 2019-W45 (ligne 125)',
    '    Nombre minimal de jours par semaine où chaque intrapreneur est libéré de ses tâches habituelles : 1 jour (paramètre minReleaseDaysPerWeek ; art. 1 al. 5, 1re phrase ; art. 3, engagement 2 de la collectivité)',
    "  la semaine est écoulée (la date d'évaluation est après son vendredi) : oui",
    '    date d’évaluation est après le vendredi de la semaine : oui',
    '      date d’évaluation : 30/06/2020',
    '      vendredi de la semaine : 08/11/2019 (ligne 125)',
  ],
  week_en: [
    'Why: breach (short-week)',
    '  the finding is about',
    '    intrapreneur: Sami Benali',
    '    project: signalements-voirie',
    '  days released in the week is below the parameter minReleaseDaysPerWeek (Minimum number of days a week each intrapreneur is released from usual duties: 1 day): yes',
    '    days released in the week: 0.5 (art. 1 al. 5, 1re phrase)',
    '      = the value of days released, by ISO week for ISO week, else 0',
    '      days released, by ISO week: { 2019-W42: 1.5, 2019-W43: 1.5, 2019-W44: 1.5, 2019-W45: 0.5, 2019-W46: 1.5, … } (line 128)',
    '      ISO week: 2019-W45 (line 125)',
    '    Minimum number of days a week each intrapreneur is released from usual duties: 1 day (parameter minReleaseDaysPerWeek ; art. 1 al. 5, 1re phrase ; art. 3, engagement 2 de la collectivité)',
    '  the week is over (the evaluation date is after its Friday): yes',
    '    evaluation date is after the week’s Friday: yes',
    '      evaluation date: 2020-06-30',
    '      the week’s Friday: 2019-11-08 (line 125)',
  ],
};

describe('the trace of a deadline counted as the Code de procédure civile counts', () => {
  it('names each day without work the period passed over to reach it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausier-trace-'));
    const record = join(dir, 'whit-monday.yaml');
    // Received on 30 April 2020: a month ends on Saturday 30 May, then Sunday, then Whit Monday.
    writeFileSync(
      record,
      readFileSync(join(ROOT, CASES.notice[0]), 'utf8')
        .replace('received: 2019-11-21', 'received: 2020-04-30')
        .replace('date: 2019-11-15', 'date: 2020-04-29')
        .replace('  date: 2019-12-20\n  requestedBy', '  date: 2020-06-02\n  requestedBy'),
    );
    const report = await checkFile(record, { trace: true, language: 'en' });
    const finding = report.findings.find((f) => f.rule === 'A5-TERMINATION-NOTICE')!;
    expect(finding.status).toBe('breach');
    const deadlines: TraceNode[] = [];
    const walk = (node: TraceNode): void => {
      if (node.kind === 'deadline') deadlines.push(node);
      node.inputs?.forEach(walk);
    };
    walk(finding.trace!);
    expect(deadlines.map((d) => [d.value, d.extended])).toEqual([
      [
        '2020-06-02',
        {
          end: '2020-05-30',
          passed: [
            { day: '2020-05-30', why: 'saturday' },
            { day: '2020-05-31', why: 'sunday' },
            { day: '2020-06-01', why: 'holiday' },
          ],
        },
      ],
    ]);
    expect(whyText(finding.trace!, 'fr')).toContain(
      'le délai expire le 30/05/2020, jour non ouvrable : il est prorogé jusqu’au premier jour ouvrable suivant (C. proc. civ., art. 642), après 30/05/2020 (samedi), 31/05/2020 (dimanche), 01/06/2020 (jour férié)\n',
    );
  });
});

describe('the trace of a finding, as a lawyer reads it', () => {
  for (const name of Object.keys(CASES) as (keyof typeof CASES)[])
    for (const language of ['fr', 'en'] as const)
      it(`reads the ${name} breach step by step, in ${language === 'fr' ? 'French' : 'English'}`, async () => {
        const finding = await breachOf(name, language);
        expect(whyText(finding.trace!, language).trimEnd().split('\n')).toEqual(
          EXPECTED[`${name}_${language}`],
        );
      });

  it('locates every record value it reads in the file, as given', async () => {
    const finding = await breachOf('notice', 'en');
    expect(citedPlaces(finding.trace!)).toEqual([
      {
        pointer: '/termination/date',
        line: 174,
        column: 3,
        words: { fr: 'date de la résiliation', en: 'day of the termination' },
      },
      {
        pointer: '/termination/notice/received',
        line: 180,
        column: 5,
        words: { fr: 'date de réception de la mise en demeure', en: 'day the notice was received' },
      },
      {
        pointer: '/termination/notice/date',
        line: 179,
        column: 5,
        words: { fr: 'date de la mise en demeure', en: 'day of the formal notice' },
      },
    ]);
    const text = readFileSync(join(ROOT, CASES.notice[0]), 'utf8').split('\n');
    expect(text[173]).toBe('  date: 2019-12-20');
    expect(text[179]).toBe('    received: 2019-11-21');
  });

  it('gives a value the record does not write no line', async () => {
    const finding = await breachOf('refund', 'en');
    const absent: TraceNode[] = [];
    const visit = (node: TraceNode): void => {
      if (node.name === 'terminationDate') absent.push(node);
      node.inputs?.forEach(visit);
    };
    visit(finding.trace!);
    expect(absent.length).toBeGreaterThan(0);
    for (const node of absent) {
      expect(node.value).toBeNull();
      expect(node.pointer).toBe('/termination/date');
      expect(node.line).toBeUndefined();
    }
  });
});

describe('every breach of the cases', () => {
  /** The amounts and dates a message gives, as the language writes them. */
  const FIGURES: Record<Language, RegExp> = {
    fr: /\d[\d\u202f\u00a0 ]*,\d\d\s?€|\d\d\/\d\d\/\d{4}/g,
    en: /€[\d,]+\.\d\d|\d{4}-\d\d-\d\d/g,
  };

  it('has a trace that names every amount and date its message gives', async () => {
    let breaches = 0;
    const disagreeing: string[] = [];
    for (const id of builtInPacks()) {
      const pack = loadRulePack(join(builtInPacksDir(), id));
      for (const c of packCases(pack))
        for (const language of ['fr', 'en'] as const) {
          const report = await checkFile(c.file, { trace: true, language });
          for (const f of report.findings.filter((x) => x.status === 'breach')) {
            breaches++;
            const read = whyLines(f.trace!, language)
              .map((l) => l.text)
              .join('\n');
            for (const [figure] of f.message.matchAll(FIGURES[language]))
              if (!read.includes(figure)) disagreeing.push(`${c.name} ${f.rule} ${figure}`);
          }
        }
    }
    expect(disagreeing).toEqual([]);
    // Every case's breaches, in both languages: the check ran over them all.
    expect(breaches).toBeGreaterThan(150);
  });
});

describe('clausier check --why', () => {
  const [file] = CASES.notice;

  it('prints the trace under the finding, in text', () => {
    const run = runCli(['check', '--why', '--lang', 'en', file]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.trim() === 'Why: breach (too-early)');
    expect(at).toBeGreaterThan(0);
    const expected = EXPECTED.notice_en!;
    expect(lines.slice(at, at + expected.length + 1).map((l) => l.slice(6))).toEqual([
      ...expected,
      // The tally follows the trace.
      'ules (dinsic-preincubation-2019): 1 breached, 20 satisfied, 8 not applicable',
    ]);
  });

  it('gives each finding its trace in JSON, the other fields unchanged', () => {
    const plain = JSON.parse(runCli(['check', '-f', 'json', file]).stdout);
    const traced = JSON.parse(runCli(['check', '--why', '-f', 'json', file]).stdout);
    const findings = traced.files[0].findings;
    expect(findings.every((f: { trace?: TraceNode }) => f.trace?.kind === 'decision')).toBe(true);
    const stripped = findings.map(({ trace: _, ...rest }: { trace: unknown }) => rest);
    expect(stripped).toEqual(plain.files[0].findings);
    const breach = findings.find((f: Finding) => f.status === 'breach');
    expect(breach.trace.inputs[0].inputs[0]).toEqual({
      kind: 'record',
      name: 'item.date',
      words: { fr: 'date de la résiliation', en: 'day of the termination' },
      value: '2019-12-20',
      type: 'date',
      pointer: '/termination/date',
      line: 174,
      column: 3,
    });
  });

  it('gives each record line the verdict rests on as a SARIF related location', () => {
    const sarif = JSON.parse(
      runCli(['check', '--why', '-f', 'sarif', '--lang', 'en', file]).stdout,
    );
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string; level: string }) =>
        r.ruleId === 'A5-TERMINATION-NOTICE' && r.level !== 'note',
    );
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 174, startColumn: 3 });
    expect(
      result.relatedLocations.map(
        (l: {
          id: number;
          physicalLocation: { region: { startLine: number } };
          message: { text: string };
        }) => [l.id, l.physicalLocation.region.startLine, l.message.text],
      ),
    ).toEqual([
      [1, 180, 'day the notice was received'],
      [2, 179, 'day of the formal notice'],
    ]);
    // Without --why, no trace is worked out, and no related location is added.
    const plain = JSON.parse(runCli(['check', '-f', 'sarif', file]).stdout);
    const before = plain.runs[0].results.find(
      (r: { ruleId: string; level: string }) =>
        r.ruleId === 'A5-TERMINATION-NOTICE' && r.level !== 'note',
    );
    expect(before.relatedLocations).toBeUndefined();
  });
});
