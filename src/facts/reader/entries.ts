/**
 * The reader's large lists of days and weeks, read one item at a time: every date written in the
 * record, and each week or day written for phase 3 (closed weeks, release, leave, coaching).
 */
import { joinPointer } from '../../base/pointer.js';
import { DATE_DEFINITIONS } from '../../load/schema.js';
import { walkToDefinition } from '../../load/schema-walk.js';
import { f, nullable, orNull, pointerField, w, weekDays, type ReaderCollection } from './fields.js';

export const dates: ReaderCollection = {
  cardinality: 'many',
  large: true,
  description: w('chaque date du dossier', 'every date in the record'),
  fields: {
    date: f('date', 'la date', 'the date'),
    pointer: pointerField('où elle est écrite', 'where it is written'),
  },
  items: function* (record) {
    for (const walk of walkToDefinition(record, DATE_DEFINITIONS))
      yield { date: walk.value as string, pointer: walk.pointer() };
  },
};

export const entries: ReaderCollection = {
  cardinality: 'many',
  large: true,
  description: w(
    'chaque semaine ou jour écrit pour la phase 3 : semaines de fermeture, et pour chaque intrapreneur semaines de libération, de congé et points de coaching',
    'each week or day written for phase 3: closed weeks, and for each intrapreneur weeks of release, of leave and coaching sessions',
  ),
  fields: {
    kind: f(
      'text',
      'ce qui est écrit (closed-week, release, leave, session)',
      'what is written (closed-week, release, leave, session)',
    ),
    entry: f('text', 'la semaine ou le jour écrit', 'the week or day written'),
    first: f('date', 'premier jour ouvré qu’elle couvre', 'first working day it covers'),
    last: f('date', 'dernier jour ouvré qu’elle couvre', 'last working day it covers'),
    project: f('text', 'projet', 'project', nullable),
    intrapreneur: f('text', 'intrapreneur', 'intrapreneur', nullable),
    joined: f(
      'date',
      'arrivée de l’intrapreneur au projet',
      'the intrapreneur’s joining',
      nullable,
    ),
    left: f('date', 'départ de l’intrapreneur du projet', 'the intrapreneur’s leaving', nullable),
    pointer: pointerField('où c’est écrit', 'where it is written'),
  },
  items: function* (record) {
    const none = { project: null, intrapreneur: null, joined: null, left: null };
    for (const [k, week] of (record.closedWeeks ?? []).entries())
      yield weekEntry('closed-week', week, none, `/closedWeeks/${k}`);
    for (const [p, project] of (record.projects ?? []).entries())
      for (const [i, one] of (project.intrapreneurs ?? []).entries()) {
        const pointer = `/projects/${p}/intrapreneurs/${i}`;
        const who = {
          project: project.id,
          intrapreneur: one.name,
          joined: orNull(one.joined),
          left: orNull(one.left),
        };
        for (const week of Object.keys(one.release ?? {}))
          yield weekEntry('release', week, who, joinPointer(pointer, 'release', week));
        for (const [k, week] of (one.leave ?? []).entries())
          yield weekEntry('leave', week, who, `${pointer}/leave/${k}`);
        for (const [k, session] of (one.coaching?.sessions ?? []).entries())
          yield entryOf(
            'session',
            session,
            session,
            session,
            who,
            `${pointer}/coaching/sessions/${k}`,
          );
      }
  },
};

/** Who an entry is written for: an intrapreneur of a project, or none (a closed week). */
interface EntryOwner {
  project: string | null | undefined;
  intrapreneur: string | null | undefined;
  joined: string | null;
  left: string | null;
}

/** An entry of phase 3, its fields written in one order (one shape for every entry). */
const entryOf = (
  kind: string,
  entry: string,
  first: string,
  last: string,
  who: EntryOwner,
  pointer: string,
): Record<string, unknown> => ({
  kind,
  entry,
  first,
  last,
  project: who.project,
  intrapreneur: who.intrapreneur,
  joined: who.joined,
  left: who.left,
  pointer,
});

/** An entry that is a week: its first and last working days. */
const weekEntry = (kind: string, week: string, who: EntryOwner, pointer: string) => {
  const { first, last } = weekDays(week);
  return entryOf(kind, week, first, last, who, pointer);
};
