/**
 * Why a finding is what it is: the chain from the record's values (with where they are written)
 * through the parameters (with their clauses) and the pack's derived facts (with their formulas
 * and values) to the comparisons that decided its status. Built on demand, after the judgement,
 * by evaluating again the facts the rule reads: the judgement itself never pays for it.
 */
import type { TraceNode } from '../model/trace.js';
import { parseTemplate } from './template.js';
import type { BreachCase, Localized } from '../model/pack.js';
import { READER_GLOBALS } from '../facts/reader.js';
import { FactTracer, MAX_DEPTH, type TraceSubject } from './trace/fact-tracer.js';

/** What a finding's trace is built from (see evaluate.ts). */
export interface TraceRequest extends TraceSubject {
  status: string;
  /** The breach case, for a breach. */
  breach?: BreachCase;
  late?: boolean;
  /** For an undetermined finding: the fields the record lacks. */
  missing?: readonly string[];
  /** For a finding that sums up items: how many. */
  count?: number;
}

const STATUS_WORDS: Record<string, Localized> = {
  breach: { fr: 'manquement', en: 'breach' },
  late: { fr: 'manquement : exécutée en retard', en: 'breach: performed late' },
  undetermined: { fr: 'indéterminée', en: 'undetermined' },
  pending: { fr: 'en attente', en: 'pending' },
  satisfied: { fr: 'respectée', en: 'satisfied' },
  'not-applicable': { fr: 'sans objet', en: 'not applicable' },
};
const W = {
  due: { fr: 'l’échéance est passée', en: 'the due date has passed' },
  notDue: { fr: 'l’échéance n’est pas passée', en: 'the due date has not passed' },
  performedAfter: {
    fr: 'exécutée après son échéance',
    en: 'performed after its due date',
  },
  unknownFields: {
    fr: 'le dossier ne renseigne pas',
    en: 'the record does not give',
  },
  items: (n: number): Localized => ({
    fr: `${n} élément(s), aucun en manquement`,
    en: `${n} item(s), none in breach`,
  }),
  applies: { fr: 's’applique si', en: 'applies if' },
  notApplies: { fr: 'ne s’applique pas :', en: 'does not apply:' },
  performed: { fr: 'exécutée :', en: 'performed:' },
  about: { fr: 'le constat porte sur', en: 'the finding is about' },
};

/** Builds the trace of a finding. */
export function traceOf(request: TraceRequest): TraceNode {
  return new TraceBuilder(request).decision();
}

/** The decision of a finding, over the facts it rests on (see ./trace/fact-tracer.ts). */
class TraceBuilder extends FactTracer {
  constructor(private readonly request: TraceRequest) {
    super(request);
  }

  /** The finding's status, and the conditions and facts it rests on. */
  decision(): TraceNode {
    const { rule, status, breach, late, missing, count, item } = this.request;
    const due = rule.due;
    const inputs: TraceNode[] = [];
    const words = (): Localized => {
      const base = STATUS_WORDS[late ? 'late' : status] ?? { fr: status, en: status };
      return breach && !late
        ? { fr: `${base.fr} (${breach.id})`, en: `${base.en} (${breach.id})` }
        : base;
    };
    if (status === 'undetermined') {
      for (const pointer of missing ?? [])
        inputs.push({
          kind: 'record',
          words: W.unknownFields,
          value: { missing: [pointer] },
          pointer,
        });
    } else if (late) {
      inputs.push(this.reference(due.by!, this.base));
      inputs.push(this.reference(due.performedOn!, this.base));
      inputs.push({ kind: 'comparison', words: W.performedAfter, holds: true });
    } else if (breach) {
      inputs.push(this.condition(breach.when, this.base));
      if (!breach.beforeDue) inputs.push(...this.dueInputs());
    } else if (item) {
      if (rule.applies) {
        const node = this.condition(rule.applies, this.base);
        inputs.push(
          status === 'not-applicable'
            ? { ...node, words: prefix(W.notApplies, node.words) }
            : { ...node, words: prefix(W.applies, node.words) },
        );
      }
      if (status === 'pending' || status === 'satisfied') {
        if (due.performed) {
          const node = this.condition(due.performed, this.base);
          inputs.push({ ...node, words: prefix(W.performed, node.words) });
        }
        if (due.performedOn) inputs.push(this.reference(due.performedOn, this.base));
        inputs.push(...this.dueInputs());
        if (status === 'satisfied')
          for (const c of rule.breaches) inputs.push(this.condition(c.when, this.base));
      }
    } else {
      inputs.push({ kind: 'value', words: W.items(count ?? 0), value: count ?? 0 });
      for (const name of rule.parameters ?? [])
        inputs.push(this.reference({ fact: 'params', path: name }, this.base));
    }
    const about = breach ? this.about(breach.message, inputs) : undefined;
    if (about) inputs.unshift(about);
    return { kind: 'decision', words: words(), inputs };
  }

  /** What a breach's message names that the conditions do not read: the item, its date. */
  private about(message: Localized, traced: readonly TraceNode[]): TraceNode | undefined {
    const names = new Set<string>();
    const collect = (node: TraceNode): void => {
      if (node.name !== undefined) names.add(node.name);
      node.inputs?.forEach(collect);
    };
    traced.forEach(collect);
    const parsed = parseTemplate(message.fr);
    if ('problem' in parsed) return undefined;
    const inputs: TraceNode[] = [];
    for (const { path: name, fact, within: path } of parsed.placeholders) {
      if (names.has(name)) continue;
      names.add(name);
      if (!this.knows(fact)) continue;
      inputs.push(
        this.reference(
          { fact, ...(path.length > 0 && { path: path.join('.') }) },
          this.base,
          MAX_DEPTH,
        ),
      );
    }
    return inputs.length > 0 ? { kind: 'about', words: W.about, inputs } : undefined;
  }

  /** Whether a fact's name is one a trace can read. */
  private knows(fact: string): boolean {
    const { pack, rule } = this.request;
    return (
      (fact === 'item' && this.request.item !== undefined) ||
      fact === 'params' ||
      fact === 'asOf' ||
      Object.hasOwn(READER_GLOBALS, fact) ||
      Object.hasOwn(pack.facts.facts ?? {}, fact) ||
      Object.hasOwn(rule.deadlines ?? {}, fact)
    );
  }

  /** When the rule falls due: its date and the evaluation date, or its condition. */
  private dueInputs(): TraceNode[] {
    const due = this.request.rule.due;
    if (due.by) {
      const date = this.value(due.by, this.base);
      const asOf = this.base.asOf;
      const holds = typeof date === 'string' ? asOf > date : false;
      return [
        {
          kind: 'comparison',
          words: holds ? W.due : W.notDue,
          holds,
          inputs: [this.reference({ fact: 'asOf' }, this.base), this.reference(due.by, this.base)],
        },
      ];
    }
    if (due.when) return [this.condition(due.when, this.base)];
    return [];
  }
}

const prefix = (head: Localized, words: Localized): Localized => ({
  fr: `${head.fr} ${words.fr}`,
  en: `${head.en} ${words.en}`,
});
