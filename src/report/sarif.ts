/**
 * The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.
 *
 * One run: the driver is clausier, whose one rule, `clausier/input`, reports the records it could
 * not judge (so that an invalid record shows in code scanning instead of passing unseen); each
 * rule pack that judged a record is a tool extension whose rules are the pack's rules, with the
 * summary and the verbatim clauses as help. Packs are extensions rather than rules of the driver
 * because two packs may give the same rule id different texts (a pack that extends another
 * replaces some of its rules); each result names its rule's component.
 *
 * Results are the breaches (level: the rule's severity) and the undetermined findings (level
 * `note`: the record lacks what the rule needs; nothing is breached, but someone should look).
 * A waived breach is a breach with an accepted external suppression (the waiver, its reason and
 * who approved it), which is how SARIF viewers and code scanning mark an accepted deviation; a
 * waiver to review (expired, not yet approved, matching no breach) is a warning of the driver's
 * rule `clausier/waiver`, at the waiver's place in its file. Pending, satisfied and
 * not-applicable findings are not problems and are not reported.
 *
 * File URIs are relative to `%SRCROOT%`, the working directory of the run (the repository's root
 * in CI), so that the report is the same on every machine; `originalUriBaseIds` is left out for
 * that reason. Columns count UTF-16 code units, as the loader measures them.
 */
import { sha256 } from '../base/builtins.js';
import { pathToFileURL } from 'node:url';
import type {
  AppliedWaiver,
  FileReport,
  Finding,
  Location,
  WaiverOutcome,
} from '../model/finding.js';
import type { InputProblem } from '../base/errors.js';
import { STDIN } from '../model/finding.js';
import type { LoadedRule, RulePack } from '../rules/pack/types.js';
import type { Language } from '../base/language.js';
import { citedPlaces } from '../rules/why.js';
import { INPUT_RULE, repositoryPath, WAIVER_RULE, type FormatContext } from './context.js';
import { escapeMarkdown } from './markdown.js';

/** The schema a SARIF 2.1.0 log names: the OASIS technical committee's published one. */
export const SARIF_SCHEMA =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';

/** Where relative URIs start: the working directory of the run. */
export const SRCROOT = '%SRCROOT%';

/** The name of our partial fingerprint: bump the version if what it hashes changes. */
const FINGERPRINT = 'clausierFinding/v1';

const WORDS = {
  en: {
    inputShort: 'Record that clausier cannot judge',
    inputFull:
      'The record cannot be read, or does not follow the schema of a programme record: no rule is checked until it is fixed.',
    inputHelp:
      'Fix the record where the message points (the message says what was expected); the schema is schemas/programme.schema.json, and cases/les-lilas-2019.yaml is a complete example.',
    waiverShort: 'Waiver to review',
    waiverFull:
      'A waiver that has expired, is not yet approved on the day the record is judged, or matches no breach: the breach it was meant for stands, or the waiver is stale.',
    waiverHelp:
      'Renew or remove the waiver, or correct its rule, record or pointer so that it matches the breach it accepts.',
  },
  fr: {
    inputShort: 'Dossier que clausier ne peut pas juger',
    inputFull:
      'Le dossier ne peut pas être lu, ou ne suit pas le schéma d’un dossier de programme : aucune règle n’est vérifiée tant qu’il n’est pas corrigé.',
    inputHelp:
      'Corriger le dossier là où le message l’indique (le message dit ce qui était attendu) ; le schéma est schemas/programme.schema.json, et cases/les-lilas-2019.yaml est un exemple complet.',
    waiverShort: 'Dérogation à revoir',
    waiverFull:
      'Une dérogation expirée, pas encore accordée au jour où le dossier est jugé, ou qui ne correspond à aucun manquement : le manquement qu’elle visait demeure, ou la dérogation est périmée.',
    waiverHelp:
      'Renouveler ou retirer la dérogation, ou corriger sa règle, son dossier ou son pointeur pour qu’elle corresponde au manquement qu’elle accepte.',
  },
} satisfies Record<Language, unknown>;

/** Why a waived breach is accepted, in any language: the waiver's reason, who approved it, when. */
const waiverJustification = (w: AppliedWaiver): string =>
  `${w.reason} (${w.approvedBy}, ${w.approved} – ${w.until})`;

/** The URI of a checked file: relative to %SRCROOT% (each path segment percent-encoded), or absolute. */
export function artifactLocation(
  file: string,
  cwd: string = process.cwd(),
): { uri: string; uriBaseId?: string } {
  const path = repositoryPath(file, cwd);
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A rule's help: what it requires, then each clause it encodes, verbatim, with its citation. */
function ruleHelp(rule: LoadedRule, pack: RulePack, language: Language) {
  const clauses = rule.clauses.flatMap((id) => {
    const unit = pack.clause(id);
    return unit ? [unit] : [];
  });
  const text = [
    rule.summary[language],
    ...clauses.map((unit) => `${unit.cite}:\n« ${unit.text} »`),
  ].join('\n\n');
  const markdown = [
    escapeMarkdown(rule.summary[language]),
    ...clauses.map(
      (unit) =>
        `**${escapeMarkdown(unit.cite)}**\n\n` +
        unit.text
          .split('\n')
          .map((line) => `> ${escapeMarkdown(line)}`)
          .join('\n'),
    ),
  ].join('\n\n');
  return { text, markdown };
}

/** A pack's rule as a SARIF reporting descriptor, with its help. */
function ruleDescriptor(rule: LoadedRule, pack: RulePack, language: Language) {
  return {
    id: rule.id,
    shortDescription: { text: rule.title[language] },
    fullDescription: { text: rule.summary[language] },
    help: ruleHelp(rule, pack, language),
    defaultConfiguration: { level: rule.severity },
    properties: { clauses: rule.clauses, obligor: rule.obligor },
  };
}

/**
 * A place in a record: the file and line, and the JSON pointer. A record read from standard input
 * is the artifact `stdin`, described as such: GitHub's code scanning refuses a whole upload with a
 * result that has no physical location.
 */
function sarifLocation(file: string, location: Location | undefined, cwd: string) {
  const logical =
    location && location.pointer !== ''
      ? { logicalLocations: [{ fullyQualifiedName: location.pointer }] }
      : {};
  return {
    physicalLocation: {
      artifactLocation:
        file === STDIN
          ? { uri: 'stdin', description: { text: 'standard input' } }
          : artifactLocation(file, cwd),
      ...(location && { region: { startLine: location.line, startColumn: location.column } }),
    },
    ...logical,
  };
}

/** What the results of a run are made with. */
interface ResultContext {
  cwd: string;
  language: Language;
  /** Each pack's rules' places among the tool's extensions, by pack id and rule id. */
  ruleRefs: Map<string, Map<string, { index: number; component: number }>>;
  fingerprint: (parts: readonly unknown[]) => Record<string, string>;
}

/** The SARIF log of checked records. */
export function formatSarif(
  reports: readonly FileReport[],
  context: FormatContext,
  cwd: string = process.cwd(),
): string {
  const language = context.language;
  const packs = [...context.packs.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const extensions = packs.map((pack) => ({
    name: pack.id,
    fullName: pack.title[language],
    rules: pack.rules.map((rule) => ruleDescriptor(rule, pack, language)),
  }));
  const ruleRefs = new Map(
    packs.map((pack, component) => [
      pack.id,
      new Map(pack.rules.map((rule, index) => [rule.id, { index, component }])),
    ]),
  );
  const at: ResultContext = { cwd, language, ruleRefs, fingerprint: fingerprinter() };
  // Per record: what kept it from being judged, then its findings, then its waivers to review.
  const results = reports.flatMap((report) => [
    ...report.errors.map((error) => inputResult(report, error, at)),
    ...report.findings
      .filter((f) => f.status === 'breach' || f.status === 'waived' || f.status === 'undetermined')
      .map((finding) => findingResult(report, finding, at)),
    ...(report.waivers ?? [])
      .filter((waiver) => waiver.status !== 'applied')
      .map((waiver) => waiverResult(report, waiver, at)),
  ]);

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name,
            version: context.tool.version,
            semanticVersion: context.tool.version,
            // No informationUri: clausier has no published home page to point to yet.
            rules: driverRules(language),
          },
          extensions,
        },
        language,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** The driver's own rules: records it cannot judge, and waivers to review. */
function driverRules(language: Language) {
  const w = WORDS[language];
  return [
    {
      id: INPUT_RULE,
      shortDescription: { text: w.inputShort },
      fullDescription: { text: w.inputFull },
      help: { text: w.inputHelp, markdown: escapeMarkdown(w.inputHelp) },
      defaultConfiguration: { level: 'error' },
    },
    {
      id: WAIVER_RULE,
      shortDescription: { text: w.waiverShort },
      fullDescription: { text: w.waiverFull },
      help: { text: w.waiverHelp, markdown: escapeMarkdown(w.waiverHelp) },
      defaultConfiguration: { level: 'warning' },
    },
  ];
}

/**
 * Fingerprints identify a result across runs, whatever lines were added above it: they hash the
 * file, the rule, the pointers and the way of breaching, never the message (its language and its
 * amounts may change) nor the line. Identical ones are told apart by their rank in the run.
 */
function fingerprinter(): (parts: readonly unknown[]) => Record<string, string> {
  const seen = new Map<string, number>();
  return (parts) => {
    const key = JSON.stringify(parts);
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return { [FINGERPRINT]: sha256(JSON.stringify([key, rank])) };
  };
}

/** The result of what kept a record from being judged. */
function inputResult(report: FileReport, error: InputProblem, { cwd, fingerprint }: ResultContext) {
  return {
    ruleId: INPUT_RULE,
    rule: { id: INPUT_RULE, index: 0 },
    level: 'error',
    message: { text: error.message },
    locations: [sarifLocation(report.file, error, cwd)],
    partialFingerprints: fingerprint([
      repositoryPath(report.file, cwd),
      INPUT_RULE,
      error.pointer,
      error.message,
    ]),
  };
}

/** The result of a breach, a waived breach or an undetermined finding. */
function findingResult(report: FileReport, finding: Finding, at: ResultContext) {
  const { cwd, fingerprint } = at;
  const ref =
    report.pack !== undefined ? at.ruleRefs.get(report.pack)?.get(finding.rule) : undefined;
  const related = relatedLocations(report, finding, at);
  const breach = finding.status === 'breach' || finding.status === 'waived';
  const waiver = finding.waiver;
  return {
    ruleId: finding.rule,
    ...(ref && {
      rule: { id: finding.rule, index: ref.index, toolComponent: { index: ref.component } },
    }),
    level: breach ? finding.severity : 'note',
    message: { text: finding.message },
    locations: [sarifLocation(report.file, finding.locations[0], cwd)],
    ...(related.length > 0 && { relatedLocations: related }),
    ...(waiver && {
      suppressions: [
        {
          kind: 'external',
          status: 'accepted',
          justification: waiverJustification(waiver),
          location: sarifLocation(waiver.file, { pointer: '', line: waiver.line, column: 1 }, cwd),
        },
      ],
    }),
    // A waived breach keeps the fingerprint of the breach: viewers see the same result, now
    // suppressed.
    partialFingerprints: fingerprint([
      repositoryPath(report.file, cwd),
      report.pack ?? '',
      finding.rule,
      breach ? 'breach' : finding.status,
      finding.case ?? '',
      finding.locations.map((l) => l.pointer),
    ]),
    properties: findingProperties(finding),
  };
}

/**
 * A finding about several places shows its first; the others are related to it, and with --why
 * each place of the record the verdict rests on, with what is read there.
 */
function relatedLocations(report: FileReport, finding: Finding, { cwd, language }: ResultContext) {
  const others = finding.locations.slice(1);
  const shown = new Set(finding.locations.map((l) => l.pointer));
  const cited = finding.trace
    ? citedPlaces(finding.trace).filter((place) => !shown.has(place.pointer))
    : [];
  return [
    ...others.map((location, i) => ({
      id: i + 1,
      ...sarifLocation(report.file, location, cwd),
    })),
    ...cited.map((place, i) => ({
      id: others.length + i + 1,
      ...sarifLocation(report.file, place, cwd),
      message: { text: place.words[language] },
    })),
  ];
}

/** A finding's status, clauses and what it measured, for viewers that show properties. */
function findingProperties(finding: Finding) {
  return {
    status: finding.status,
    clauses: finding.clauses,
    // A check of the record itself, counted apart from the verdict on the convention.
    ...(finding.kind === 'record' && { kind: 'record' }),
    ...(finding.case !== undefined && { case: finding.case }),
    ...(finding.due !== undefined && { due: finding.due }),
    ...(finding.performed !== undefined && { performed: finding.performed }),
    ...(finding.daysLate !== undefined && { daysLate: finding.daysLate }),
    ...(finding.missing !== undefined && { missing: finding.missing }),
  };
}

/** The warning of a waiver to review, at the waiver's place in its file. */
function waiverResult(report: FileReport, waiver: WaiverOutcome, at: ResultContext) {
  const { cwd, fingerprint } = at;
  const record = repositoryPath(report.file, cwd);
  return {
    ruleId: WAIVER_RULE,
    rule: { id: WAIVER_RULE, index: 1 },
    level: 'warning',
    message: { text: waiver.message },
    locations: [
      sarifLocation(waiver.file, { pointer: '', line: waiver.line, column: waiver.column }, cwd),
    ],
    partialFingerprints: fingerprint([
      repositoryPath(waiver.file, cwd),
      WAIVER_RULE,
      record,
      waiver.rule,
      waiver.pointer ?? '',
      waiver.status,
    ]),
    properties: { status: waiver.status, record, rule: waiver.rule },
  };
}
