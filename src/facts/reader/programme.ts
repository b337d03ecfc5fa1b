/**
 * The reader's lists of the programme's work: the five phases, each project with its selection
 * and incubation decision, each technical support, each intrapreneur, the launch seminar, and the
 * programme as a whole.
 */
import type { Intrapreneur, Project } from '../../model/programme.js';
import {
  f,
  nullable,
  orNull,
  PHASES,
  pointerField,
  w,
  writtenAt,
  type ReaderCollection,
} from './fields.js';

export const phases: ReaderCollection = {
  cardinality: 'many',
  description: w(
    'chacune des cinq phases, écrite ou non au dossier',
    'each of the five phases, written in the record or not',
  ),
  keys: { field: 'name', values: PHASES },
  fields: {
    name: f('text', 'nom de la phase dans le dossier', 'the phase’s name in the record'),
    number: f('phase', 'numéro de la phase (1 à 5)', 'the phase’s number (1 to 5)'),
    written: f('boolean', 'la phase figure au dossier', 'the phase is in the record'),
    writtenStart: writtenAt('date', 'premier jour écrit de la phase', 'first day written', 'start'),
    writtenEnd: writtenAt('date', 'dernier jour écrit de la phase', 'last day written', 'end'),
    supportedBy: f(
      'party',
      'partie ayant appuyé l’organisation de l’appel (phase 1)',
      'party that supported the call (phase 1)',
      nullable,
    ),
    pointer: pointerField('la phase', 'the phase'),
  },
  items: (record) =>
    PHASES.map((name, index) => {
      const phase = record.phases?.[name];
      return {
        name,
        number: index + 1,
        written: phase !== undefined,
        writtenStart: orNull(phase?.start),
        writtenEnd: orNull(phase?.end),
        supportedBy: name === 'call' ? orNull(record.phases?.call?.supportedBy) : null,
        pointer: `/phases/${name}`,
      };
    }),
};

export const projects: ReaderCollection = {
  cardinality: 'many',
  description: w('chaque projet', 'each project'),
  fields: {
    id: f('text', 'identifiant du projet', 'the project’s id'),
    selected: f('boolean', 'le projet a été sélectionné', 'the project was selected'),
    selectionDate: writtenAt('date', 'date de la sélection', 'selection date', 'selection/date'),
    selectionAgreedBy: writtenAt(
      'parties',
      'parties d’accord sur la sélection',
      'parties that agreed to the selection',
      'selection/agreedBy',
    ),
    criteriaRecorded: f('list', 'critères de sélection consignés', 'selection criteria recorded'),
    presentationDate: writtenAt(
      'date',
      'date de présentation de la preuve de concept',
      'day the proof of concept was presented',
      'pocPresentation/date',
    ),
    decided: f(
      'boolean',
      'une décision d’incubation a été prise',
      'an incubation decision was taken',
    ),
    decisionDate: writtenAt(
      'date',
      'date de la décision d’incubation',
      'day of the decision',
      'incubationDecision/date',
    ),
    decisionOutcome: writtenAt(
      'text',
      'issue de la décision (incubate ou stop)',
      'outcome of the decision (incubate or stop)',
      'incubationDecision/outcome',
    ),
    decisionAgreedBy: writtenAt(
      'parties',
      'parties d’accord sur la décision',
      'parties that agreed to the decision',
      'incubationDecision/agreedBy',
    ),
    decisionAmendment: writtenAt(
      'text',
      'avenant cité par la décision',
      'amendment the decision cites',
      'incubationDecision/amendment',
    ),
    pointer: pointerField('le projet', 'the project'),
    selectionPointer: pointerField('la sélection', 'the selection'),
    selectionAgreementPointer: pointerField(
      'l’accord sur la sélection',
      'the agreement to the selection',
    ),
    criteriaPointer: pointerField('les critères de sélection', 'the selection criteria'),
    supportPointer: pointerField('l’appui technique', 'the technical support'),
    presentationPointer: pointerField('la présentation', 'the presentation'),
    decisionPointer: pointerField('la décision', 'the decision'),
    decisionDatePointer: pointerField('la date de la décision', 'the decision’s date'),
    decisionAgreementPointer: pointerField(
      'l’accord sur la décision',
      'the agreement to the decision',
    ),
    decisionAmendmentPointer: pointerField(
      'l’avenant cité par la décision',
      'the amendment the decision cites',
    ),
  },
  items: (record) =>
    (record.projects ?? []).map((project: Project, index) => {
      const pointer = `/projects/${index}`;
      const selection = project.selection;
      const decision = project.incubationDecision;
      return {
        id: project.id,
        selected: selection !== undefined,
        selectionDate: orNull(selection?.date),
        selectionAgreedBy: selection?.agreedBy,
        criteriaRecorded: Object.entries(selection?.criteria ?? {})
          .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
          .map(([name]) => name),
        presentationDate: orNull(project.pocPresentation?.date),
        decided: decision !== undefined,
        decisionDate: orNull(decision?.date),
        decisionOutcome: orNull(decision?.outcome),
        decisionAgreedBy: decision?.agreedBy,
        decisionAmendment: orNull(decision?.amendment),
        pointer,
        selectionPointer: `${pointer}/selection`,
        selectionAgreementPointer: `${pointer}/selection/agreedBy`,
        criteriaPointer: `${pointer}/selection/criteria`,
        supportPointer: `${pointer}/technicalSupport`,
        presentationPointer: `${pointer}/pocPresentation`,
        decisionPointer: `${pointer}/incubationDecision`,
        decisionDatePointer: `${pointer}/incubationDecision/date`,
        decisionAgreementPointer: `${pointer}/incubationDecision/agreedBy`,
        decisionAmendmentPointer: `${pointer}/incubationDecision/amendment`,
      };
    }),
};

export const technicalSupports: ReaderCollection = {
  cardinality: 'many',
  description: w('chaque appui technique, par projet', 'each technical support, by project'),
  fields: {
    project: f('text', 'projet appuyé', 'project supported'),
    date: f('date', 'date de l’appui', 'day of the support'),
    by: writtenAt('party', 'partie qui l’a donné', 'party that gave it', 'by'),
    pointer: pointerField('l’appui technique', 'the technical support'),
  },
  items: function* (record) {
    for (const [p, project] of (record.projects ?? []).entries())
      for (const [k, support] of (project.technicalSupport ?? []).entries())
        yield {
          project: project.id,
          date: support.date,
          by: support.by,
          pointer: `/projects/${p}/technicalSupport/${k}`,
        };
  },
};

export const intrapreneurs: ReaderCollection = {
  cardinality: 'many',
  description: w('chaque intrapreneur, par projet', 'each intrapreneur, by project'),
  fields: {
    project: f('text', 'projet', 'project'),
    projectSelected: f(
      'boolean',
      'le projet de l’intrapreneur a été sélectionné',
      'the intrapreneur’s project was selected',
    ),
    name: f('text', 'intrapreneur', 'intrapreneur'),
    joined: writtenAt('date', 'arrivée au projet (joined)', 'day of joining the project', 'joined'),
    left: writtenAt('date', 'départ du projet (left)', 'day of leaving the project', 'left'),
    release: writtenAt(
      'object',
      'jours de libération, par semaine ISO',
      'days released, by ISO week',
      'release',
    ),
    leave: f('list', 'semaines de congé', 'weeks of leave'),
    sessions: writtenAt(
      'list',
      'jours des points de coaching',
      'days of the coaching sessions',
      'coaching/sessions',
    ),
    pointer: pointerField('l’intrapreneur', 'the intrapreneur'),
    coachingPointer: pointerField('les points de coaching', 'the coaching sessions'),
  },
  items: function* (record) {
    for (const [p, project] of (record.projects ?? []).entries())
      for (const [i, one] of (project.intrapreneurs ?? []).entries()) {
        const pointer = `/projects/${p}/intrapreneurs/${i}`;
        yield intrapreneurItem(project, one, pointer);
      }
  },
};

export const seminar: ReaderCollection = {
  cardinality: 'one',
  description: w('le séminaire de lancement', 'the launch seminar'),
  fields: {
    date: f('date', 'date du séminaire', 'day of the seminar', { ...nullable, at: 'date' }),
    pointer: pointerField('le séminaire', 'the seminar'),
  },
  // No seminar is none; a seminar written without its date leaves the date absent, which the
  // pack reads (unknownWhenAbsent) as unknown or as none.
  items: (record) => [
    {
      date: record.seminar === undefined ? null : record.seminar.date,
      pointer: record.seminar?.date !== undefined ? '/seminar/date' : '/seminar',
    },
  ],
};

export const programme: ReaderCollection = {
  cardinality: 'one',
  description: w('le programme dans son ensemble', 'the programme as a whole'),
  fields: {
    pointer: pointerField('le dossier', 'the record'),
    projectsPointer: pointerField('les projets', 'the projects'),
    paymentsPointer: pointerField('les versements', 'the payments'),
    refundsPointer: pointerField('les restitutions', 'the refunds'),
  },
  items: () => [
    {
      pointer: '',
      projectsPointer: '/projects',
      paymentsPointer: '/payments',
      refundsPointer: '/refunds',
    },
  ],
};

/** An intrapreneur of a project as facts. */
function intrapreneurItem(
  project: Project,
  one: Intrapreneur,
  pointer: string,
): Record<string, unknown> {
  return {
    project: project.id,
    projectSelected: project.selection !== undefined,
    name: one.name,
    joined: orNull(one.joined),
    left: orNull(one.left),
    release: one.release,
    leave: one.leave ?? [],
    // Sorted, so that the sessions of a week are counted by a binary search.
    sessions: one.coaching?.sessions ? [...one.coaching.sessions].sort() : undefined,
    pointer,
    coachingPointer: `${pointer}/coaching/sessions`,
  };
}
