/**
 * Verdicts true in time (obligations.md, "Time and rulings"), as properties over the reference
 * programme: a record is judged as it stood on its evaluation date, so events dated after it,
 * added or removed, change no finding; a termination ends the convention and phase 3 on its
 * date, so the same facts written with or without the phase ends it implies give the same
 * findings. And the record as it stood, piece by piece: what is taken out, what is reported,
 * where each finding points in the file.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDay, parseCalendarDate } from '../src/base/calendar.js';
import { checkLoaded } from '../src/pipeline.js';
import { type FileReport } from '../src/model/finding.js';
import { recordAsOf } from '../src/facts/as-of.js';
import { loadRecordBytes, loadRecordText } from '../src/load/index.js';
import type { ProgrammeRecord } from '../src/model/programme.js';
import { agendaStatusOf } from '../src/views/agenda.js';
import { REFERENCE } from './helpers.js';

const REFERENCE_TEXT = readFileSync(REFERENCE, 'utf8');
const RUNS = Number(process.env.CLAUSIER_PROPERTY_RUNS ?? 25);
const SEED = Number(process.env.CLAUSIER_PROPERTY_SEED ?? 20_191_218);
const encoder = new TextEncoder();

const day = (text: string): number => {
  const parsed = parseCalendarDate(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

async function judge(text: string): Promise<FileReport> {
  const report = await checkLoaded(loadRecordBytes(encoder.encode(text), 'record.yaml'), {
    language: 'en',
  });
  expect(report.errors).toEqual([]);
  return report;
}

/**
 * What a report says of the convention: every finding of its obligations, and the warnings of
 * the record checks (whose satisfied findings count what is written, which differs by design).
 */
const findingsOf = (report: FileReport, withPointers = true) =>
  report.findings
    .filter((f) => f.kind === 'obligation' || f.status === 'breach')
    .map((f) => ({
      rule: f.rule,
      status: f.status,
      case: f.case,
      message: f.message,
      ...(withPointers && { pointers: f.locations.map((l) => l.pointer), missing: f.missing }),
      due: f.due,
      performed: f.performed,
      daysLate: f.daysLate,
    }));

const documentOf = (text: string): Document => parseDocument(text);
const seqAt = (doc: Document, ...path: (string | number)[]) => {
  const node = doc.getIn(path, true);
  if (!isSeq(node)) throw new Error(`no list at ${path.join('/')}`);
  return node;
};

describe('a record judged as it stood on its evaluation date', () => {
  it('takes out what an event dates after that day, and reports it once, where its date is', () => {
    const { record } = loadRecordText(REFERENCE_TEXT, 'record.yaml');
    const stood = recordAsOf(record!, day('2020-02-12'));
    // The DINSIC's signature of the amendment, its copy to the controller and the refund.
    expect(stood.notYet).toEqual([
      { pointer: '/refunds/0/date', date: '2020-04-15' },
      { pointer: '/amendments/0/signatures/1/date', date: '2020-02-13' },
      { pointer: '/amendments/0/communicatedToController', date: '2020-02-20' },
    ]);
    const pruned = stood.record as ProgrammeRecord;
    expect(pruned.refunds).toEqual([]);
    expect(pruned.amendments?.[0]?.signatures).toEqual([
      { party: 'collectivite', date: '2020-02-12' },
    ]);
    expect(pruned.amendments?.[0]?.communicatedToController).toBeUndefined();
    // The record as written is left as it was.
    expect(record!.refunds).toHaveLength(1);
    expect(record!.amendments?.[0]?.signatures).toHaveLength(2);
  });

  it('reports a thing once, not each of the dates inside it', () => {
    const doc = documentOf(REFERENCE_TEXT);
    // An amendment asked for after the evaluation date: its signatures are inside it.
    doc.setIn(['amendments', 0, 'requested'], '2020-07-01');
    doc.setIn(['amendments', 0, 'signatures', 0, 'date'], '2020-07-02');
    doc.setIn(['amendments', 0, 'signatures', 1, 'date'], '2020-07-03');
    const { record } = loadRecordText(doc.toString(), 'record.yaml');
    const stood = recordAsOf(record!, day('2020-06-30'));
    expect(stood.notYet).toEqual([{ pointer: '/amendments/0/requested', date: '2020-07-01' }]);
    expect(stood.record.amendments).toEqual([]);
  });

  it('points into the file, past the items taken out of a list', () => {
    const { record } = loadRecordText(REFERENCE_TEXT, 'record.yaml');
    // As of 25 November 2019, the sessions of the 28th and after are not held yet, nor are the
    // expenses of the 29th (coaching-novembre) and after; appui-technique-1 (the 20th) is.
    const stood = recordAsOf(record!, day('2019-11-25'));
    const expenses = stood.record.expenses!.map((e) => e.id);
    expect(expenses).toEqual([
      'appel-intrapreneurs',
      'seminaire',
      'coaching-octobre',
      'appui-technique-1',
    ]);
    expect(stood.original('/expenses/3/date')).toBe('/expenses/4/date');
    expect(stood.original('/expenses/2')).toBe('/expenses/2');
    expect(stood.original('/projects/1/intrapreneurs/1/coaching/sessions/5')).toBe(
      '/projects/1/intrapreneurs/1/coaching/sessions/5',
    );
    expect(stood.original('/phases/preincubation/end')).toBe('/phases/preincubation/end');
  });

  it('leaves a record with nothing after the day as it is', () => {
    const { record } = loadRecordText(REFERENCE_TEXT, 'record.yaml');
    const stood = recordAsOf(record!, day('2020-06-30'));
    expect(stood.record).toBe(record);
    expect(stood.notYet).toEqual([]);
  });

  it('gives the same findings when events dated after the evaluation date are added', async () => {
    const kinds = ['payment', 'expense', 'refund', 'session', 'support', 'amendment'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: day('2019-08-15'), max: day('2020-08-31') }),
        fc.array(
          fc.record({ kind: fc.constantFrom(...kinds), after: fc.integer({ min: 1, max: 400 }) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (asOf, additions) => {
          const base = documentOf(REFERENCE_TEXT);
          base.set('asOf', formatDay(asOf));
          const before = await judge(base.toString());
          const doc = documentOf(base.toString());
          additions.forEach(({ kind, after }, n) => {
            const date = formatDay(asOf + after);
            if (kind === 'payment')
              seqAt(doc, 'payments').add(
                doc.createNode({
                  id: `later-${n}`,
                  date,
                  amount: 500,
                  account: { bank: '30001', branch: '00064', number: '00000092441', key: '40' },
                }),
              );
            if (kind === 'expense')
              seqAt(doc, 'expenses').add(
                doc.createNode({ id: `later-${n}`, date, amount: 999, purpose: 'other' }),
              );
            if (kind === 'refund')
              seqAt(doc, 'refunds').add(doc.createNode({ id: `later-${n}`, date, amount: 77 }));
            if (kind === 'session')
              seqAt(doc, 'projects', 0, 'intrapreneurs', 0, 'coaching', 'sessions').add(date);
            if (kind === 'support')
              seqAt(doc, 'projects', 1, 'technicalSupport').add(
                doc.createNode({ date, by: 'dinsic' }),
              );
            if (kind === 'amendment')
              seqAt(doc, 'amendments').add(
                doc.createNode({
                  id: `later-${n}`,
                  requested: date,
                  signatures: [{ party: 'dinsic' }],
                }),
              );
          });
          const after = await judge(doc.toString());
          expect(findingsOf(after)).toEqual(findingsOf(before));
          expect(after.money).toEqual(before.money);
          expect(after.verdict).toBe(before.verdict);
          // Each addition is reported once, after those of the record itself.
          expect(after.notices!.length).toBe(before.notices!.length + additions.length);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it('gives the same findings when the events dated after the evaluation date are removed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: day('2019-08-15'), max: day('2020-08-31') }),
        async (asOf) => {
          const written = documentOf(REFERENCE_TEXT);
          written.set('asOf', formatDay(asOf));
          const full = await judge(written.toString());
          const doc = documentOf(written.toString());
          withoutLaterEvents(doc, asOf);
          const trimmed = await judge(doc.toString());
          expect(trimmed.notices).toEqual([]);
          // Lists lose items, so pointers move: what is said must not.
          expect(findingsOf(trimmed, false)).toEqual(findingsOf(full, false));
          expect(trimmed.money).toEqual(full.money);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});

/** The reference programme with what is dated after a day deleted, as a writer would have it. */
function withoutLaterEvents(doc: Document, asOf: number): void {
  const later = (value: unknown): boolean =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && day(value) > asOf;
  const dropItems = (path: (string | number)[], dateKey: string | null): void => {
    const seq = doc.getIn(path, true);
    if (!isSeq(seq)) return;
    seq.items = seq.items.filter((item) => {
      const value =
        dateKey === null
          ? isScalar(item)
            ? item.value
            : undefined
          : (item as YAMLMap).get(dateKey);
      return !later(value);
    });
  };
  const dropKey = (path: (string | number)[], key: string, dateKey: string): void => {
    const map = doc.getIn(path, true);
    if (!isMap(map)) return;
    const value =
      dateKey === '' ? map.get(key) : (map.get(key, true) as YAMLMap | undefined)?.get(dateKey);
    if (later(value)) map.delete(key);
  };
  dropKey([], 'seminar', 'date');
  for (const list of ['payments', 'expenses', 'refunds']) dropItems([list], 'date');
  dropItems(['convention', 'signatures'], 'date');
  dropKey(['convention'], 'communicatedToController', '');
  dropItems(['amendments'], 'requested');
  seqAt(doc, 'amendments').items.forEach((_, a) => {
    dropItems(['amendments', a, 'signatures'], 'date');
    dropKey(['amendments', a], 'communicatedToController', '');
  });
  seqAt(doc, 'projects').items.forEach((_, p) => {
    for (const key of ['selection', 'pocPresentation', 'incubationDecision'])
      dropKey(['projects', p], key, 'date');
    dropItems(['projects', p, 'technicalSupport'], 'date');
    seqAt(doc, 'projects', p, 'intrapreneurs').items.forEach((_, i) =>
      dropItems(['projects', p, 'intrapreneurs', i, 'coaching', 'sessions'], null),
    );
  });
}

describe('a termination ends the convention and phase 3 on its date', () => {
  it('gives the same findings whether the record writes the phase ends it implies or the planned ones', async () => {
    const phases = ['call', 'selection', 'preincubation', 'pocPresentation', 'incubationSelection'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: day('2019-10-01'), max: day('2020-02-13') }),
        async (end) => {
          const termination = {
            date: formatDay(end),
            requestedBy: 'collectivite',
            defaultingParty: 'dinsic',
            notice: {
              date: formatDay(end - 44),
              received: formatDay(end - 41),
              by: 'collectivite',
            },
          };
          const planned = documentOf(REFERENCE_TEXT);
          planned.set('termination', planned.createNode(termination));
          const cut = documentOf(planned.toString());
          for (const name of phases) {
            const phase = cut.getIn(['phases', name], true) as YAMLMap;
            if (day(String(phase.get('start'))) > end) cut.deleteIn(['phases', name]);
            else if (day(String(phase.get('end'))) > end) phase.set('end', formatDay(end));
          }
          const asPlanned = await judge(planned.toString());
          const asCut = await judge(cut.toString());
          expect(findingsOf(asCut)).toEqual(findingsOf(asPlanned));
          expect(asCut.money).toEqual(asPlanned.money);
          // The termination is judged, and found after a month's notice.
          expect(asPlanned.findings.find((f) => f.rule === 'A5-TERMINATION-NOTICE')?.status).toBe(
            'satisfied',
          );
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});

describe('where a pending finding points', () => {
  it('at the item due first, where it is to be performed', async () => {
    const doc = documentOf(REFERENCE_TEXT);
    doc.deleteIn(['amendments', 0, 'communicatedToController']);
    doc.set('asOf', '2020-02-20');
    const report = await judge(doc.toString());
    const pending = (rule: string) => {
      const f = report.findings.find((x) => x.rule === rule)!;
      return { status: f.status, due: f.due, pointers: f.locations.map((l) => l.pointer) };
    };
    // The convention's copy was sent; the amendment's is due a month after its signature, and
    // is to be written in the amendment (the file shows the amendment, the field being absent).
    expect(pending('A5-CONTROLLER')).toEqual({
      status: 'pending',
      due: '2020-03-13',
      pointers: ['/amendments/0/communicatedToController'],
    });
    // The refund, into the list of refunds (its due.locations), not the record's first line.
    expect(pending('A4-REFUND-UNUSED')).toEqual({
      status: 'pending',
      due: '2020-05-14',
      pointers: ['/refunds'],
    });
  });

  it('at the payments, for the single payment still to make, not the record’s first line', async () => {
    const doc = documentOf(REFERENCE_TEXT);
    doc.set('asOf', '2019-09-05');
    const text = doc.toString();
    const report = await judge(text);
    const found = report.findings.find((f) => f.rule === 'A4-SINGLE-PAYMENT')!;
    const line = text.split('\n').indexOf('payments:') + 1;
    expect(line).toBeGreaterThan(3);
    expect({ status: found.status, due: found.due, locations: found.locations }).toEqual({
      status: 'pending',
      due: '2019-09-29',
      locations: [{ pointer: '/payments', line, column: 1 }],
    });
  });
});

describe('late, overdue, or neither', () => {
  it('a refund made before the end is performed at the end, when what is due is settled', async () => {
    const doc = documentOf(REFERENCE_TEXT);
    doc.setIn(['refunds', 0, 'date'], '2020-01-15');
    const report = await judge(doc.toString());
    const found = report.findings.find((f) => f.rule === 'A4-REFUND-UNUSED')!;
    expect({ status: found.status, due: found.due, performed: found.performed }).toEqual({
      status: 'satisfied',
      due: '2020-05-14',
      performed: '2020-02-14',
    });
  });

  const singlePayment = (report: FileReport) => {
    const found = report.findings.find((f) => f.rule === 'A4-SINGLE-PAYMENT')!;
    return {
      status: found.status,
      case: found.case,
      due: found.due,
      performed: found.performed,
      daysLate: found.daysLate,
      agenda: agendaStatusOf(found),
    };
  };

  it('a second payment besides a first made in time is a breach, but neither late nor overdue', async () => {
    const doc = documentOf(REFERENCE_TEXT);
    const first = seqAt(doc, 'payments').items[0] as YAMLMap;
    const second = first.clone() as YAMLMap;
    second.set('id', 'second-versement');
    second.set('date', '2019-09-13');
    seqAt(doc, 'payments').add(second);
    expect(singlePayment(await judge(doc.toString()))).toEqual({
      status: 'breach',
      case: 'several',
      due: '2019-09-29',
      performed: undefined,
      daysLate: undefined,
      agenda: undefined,
    });
  });

  it('no payment once the delay has passed is overdue, by the days since it was due', async () => {
    const doc = documentOf(REFERENCE_TEXT);
    doc.set('payments', doc.createNode([]));
    expect(singlePayment(await judge(doc.toString()))).toEqual({
      status: 'breach',
      case: 'none',
      due: '2019-09-29',
      performed: undefined,
      // From 29 September 2019 to the record's asOf, 30 June 2020.
      daysLate: 275,
      agenda: 'overdue',
    });
  });
});
