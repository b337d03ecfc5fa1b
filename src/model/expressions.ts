/**
 * The two small languages a rule pack is written in, as written in YAML: conditions, in
 * json-rules-engine's form (when a rule applies, when an obligation is breached, which items an
 * aggregate keeps), and formulas (how `facts.yaml` computes a derived fact). The pack's files
 * (./types.ts) are made of them; these types are a source of the pack's JSON Schemas through
 * those files.
 */

/**
 * How a period is counted: in `calendar` days; as the Code de procédure civile counts (art. 640
 * to 642: an end on a Saturday, Sunday or public holiday moves to the next working day); or in
 * `working-days` (a period of days counts Mondays to Fridays that are not French public holidays;
 * a longer period ends on a working day, as the Code counts).
 * @title way of counting
 */
export type Counting = 'calendar' | 'code-de-procedure-civile' | 'working-days';

/**
 * A condition in json-rules-engine's form: `all`, `any`, `not`, a reference to a named
 * condition, or a comparison of a fact with a value.
 * @title condition (all, any, not, condition, or fact, operator and value)
 */
export type Condition =
  AllCondition | AnyCondition | NotCondition | ConditionReference | Comparison;

export interface AllCondition {
  /** @minItems 1 */
  all: Condition[];
}

export interface AnyCondition {
  /** @minItems 1 */
  any: Condition[];
}

export interface NotCondition {
  not: Condition;
}

export interface ConditionReference {
  /** The name of a condition of the pack's `conditions.yaml`. */
  condition: string;
}

/** A comparison: the fact (at a path) compared, by the operator, with a value or another fact. */
export interface Comparison {
  /** The fact compared: `item` for the item judged, `params` for the parameters, or a named fact. */
  fact: string;
  /** A path in the fact, with dots: `paidToDate`, `account.rib`. */
  path?: string;
  /** Arguments of a computed fact such as `deadline`. */
  params?: Record<string, string>;
  /** The operator. */
  operator: string;
  /** The value compared with: a literal, or `{ fact, path, params }`. */
  value: FactReference | string | number | boolean | null | (string | number)[];
}

/** A reference to a fact, as the value of a comparison. */
export interface FactReference {
  fact: string;
  path?: string;
  params?: Record<string, string>;
}

/**
 * A formula: a fact (`{ fact, path }`), a literal (`{ value }`), a condition (its truth), or one of
 * the mechanisms below. In a collection's field, `item` is the item; in an aggregate's `where`,
 * `item` is the item aggregated and `outer` the one the formula is for; `owner` is what a made
 * week is made for; `params` are the parameters in force (on the item's day, for an item).
 * @title formula
 */
export type Formula =
  | FactReference
  | LiteralFormula
  | Condition
  | LatestFormula
  | EarliestFormula
  | MinFormula
  | MaxFormula
  | MinusFormula
  | PlusFormula
  | FirstOfFormula
  | IfFormula
  | SumFormula
  | CountFormula
  | ExistsFormula
  | ListFormula
  | FirstFormula
  | LastFormula
  | ReachedOnFormula
  | AddPeriodFormula
  | UnknownFormula
  | ValueAtFormula
  | CountDatesFormula
  | KeyedFormula
  | PlaceFormula;

/** A value written as such. */
export interface LiteralFormula {
  value: string | number | boolean | null;
}

/**
 * Items of a collection, or of what a formula lists: `over` names the collection, `where` keeps
 * some items, `of` names the field taken from each.
 */
export interface Aggregate {
  /** The collection aggregated. */
  over: string;
  /** Which items count (`item` is the item, `outer` the item the formula is for). */
  where?: Condition;
  /** The field taken from each item. */
  of?: string;
  /**
   * An item that counts but whose field is absent makes the result unknown, naming the field
   * (the record lacks it), instead of being left out.
   */
  unknownIfAbsent?: boolean;
}

/** The latest of some dates (nulls left out; null if none). */
export interface LatestFormula {
  latest: Formula[] | Aggregate;
}
/** The earliest of some dates (nulls left out; null if none). */
export interface EarliestFormula {
  earliest: Formula[] | Aggregate;
}
/** The least of some numbers or amounts, or of a field over items (nulls left out). */
export interface MinFormula {
  min: Formula[] | Aggregate;
}
/** The greatest of some numbers or amounts, or of a field over items (nulls left out). */
export interface MaxFormula {
  max: Formula[] | Aggregate;
}
/** The first minus the second (null if either is). */
export interface MinusFormula {
  /**
   * @minItems 2
   * @maxItems 2
   */
  minus: Formula[];
}
/** The sum of some numbers or amounts (null if any is). */
export interface PlusFormula {
  /** @minItems 1 */
  plus: Formula[];
}
/** The first value that is not null. */
export interface FirstOfFormula {
  /** @minItems 1 */
  firstOf: Formula[];
}
/** One formula or another, as a condition holds. */
export interface IfFormula {
  if: Condition;
  then: Formula;
  else: Formula;
}
/** The sum of a field over the items of a collection. */
export interface SumFormula {
  sum: Aggregate;
}
/** How many items of a collection there are. */
export interface CountFormula {
  count: Aggregate;
}
/** Whether a collection has an item. */
export interface ExistsFormula {
  exists: Aggregate;
}
/** The values of a field over the items of a collection, each once, in order or sorted. */
export interface ListFormula {
  list: Aggregate & { sorted?: boolean };
}
/** A field of the first item (in the collection's order); null if none. */
export interface FirstFormula {
  first: Aggregate;
}
/** A field of the last item (in the collection's order); null if none. */
export interface LastFormula {
  last: Aggregate;
}
/**
 * The day a running sum reaches an amount: the items in the order of their day (`on`), their
 * field `of` added up; null if the sum never reaches it.
 */
export interface ReachedOnFormula {
  reachedOn: Aggregate & {
    /** The field holding each item's day. */
    on: string;
    /** The amount to reach. */
    amount: Formula;
  };
}
/** A date plus a period, counted as the parameter holding the period says. */
export interface AddPeriodFormula {
  addPeriod: {
    /** The date the period runs from. */
    to: Formula;
    /** The period: a parameter, `{ fact: params, path: <name> }`. */
    period: FactReference;
    /** How it is counted, when it is not the parameter's own way. */
    counting?: Counting;
  };
}
/** An unknown value: the record lacks what it takes, at the place a formula gives. */
export interface UnknownFormula {
  /** The place in the record (a pointer) the record lacks. */
  unknown: Formula;
}
/** The value a map (a field of the record keyed by ISO weeks...) holds for a key; null if none. */
export interface ValueAtFormula {
  valueAt: {
    map: Formula;
    key: Formula;
  };
}
/** How many dates of a list fall between two days, both included. */
export interface CountDatesFormula {
  countDates: {
    dates: Formula;
    from: Formula;
    to: Formula;
  };
}
/** The items of a collection as an object keyed by a field (`phases.preincubation.end`). */
export interface KeyedFormula {
  keyed: {
    over: string;
    key: string;
  };
}

/** A place in the record: a pointer, further down by some keys (`release`, a week). */
export interface PlaceFormula {
  place: {
    /** The pointer to start from. */
    in: Formula;
    /** The keys to go down by, each a text or a formula. */
    at: (string | Formula)[];
  };
}
