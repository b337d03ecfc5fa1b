/**
 * The CI formats, each checked the way its consumer reads it: SARIF validated against the
 * OASIS SARIF 2.1.0 schema, JUnit XML parsed back, GitHub workflow commands and Markdown compared
 * with expected output; the escaping of each with hostile text; and each through the built CLI.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkFile, checkSource, PackRegistry } from '../src/pipeline.js';
import { type FileReport, type Finding } from '../src/model/finding.js';
import { escapeData, escapeProperty, formatGithub } from '../src/report/github.js';
import { FORMATS, type FormatContext } from '../src/report/index.js';
import { formatJunit, xmlAttribute, xmlText } from '../src/report/junit.js';
import { codeCell, COMMENT_LIMIT, escapeMarkdown, formatMarkdown } from '../src/report/markdown.js';
import { formatSarif } from '../src/report/sarif.js';
import { entryText, JsonReportWriter, reportOfEntry } from '../src/report/json.js';
import type { Language } from '../src/base/language.js';
import { caseFiles, ROOT, runCli, tempDir, type Run } from './helpers.js';
import { FAIL_ON, fails } from '../src/model/summary.js';

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
const PACK = 'dinsic-preincubation-2019';
const CAP = 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml';
const WARNING =
  'cases/A4-IMPUTATION/a-payment-imputed-on-programme-353-breaches-a4-imputation.yaml';
const UNSIGNED =
  'cases/SIG-PARTIES/a-dinsic-signature-recorded-without-its-date-leaves-what-runs-from-it-undetermined.yaml';
const REFERENCE = 'cases/les-lilas-2019.yaml';
const INVALID = 'test/fixtures/formats/a-record-with-an-unknown-field-full-of-markup.yaml';
/** What the invalid record's third input error says, \r\n included. */
const UNKNOWN_FIELD =
  "(record): unknown field '50%, a:b <c>&\"d' `e` |f| *g* _h_ [i](j)\r\nnext' (expected one of 'asOf', 'convention', 'parties', 'terms', 'phases', 'seminar', 'closedWeeks', 'projects', 'payments', 'expenses', 'refunds', 'amendments' or 'termination')";

/** A breach of each severity, an undetermined finding, a compliant record and an invalid one. */
const SMALL = [CAP, WARNING, UNSIGNED, REFERENCE, INVALID];

/** Thirteen error breaches (one per record), two warnings and an undetermined finding. */
const MANY = [
  'cases/A1-COACHING-WEEKLY/a-week-without-a-coaching-session-breaches-a1-coaching-weekly.yaml',
  'cases/A1-INCUBATION-AGREEMENT/an-incubation-decision-taken-by-the-dinsic-alone-breaches-a1-incubation-agreement.yaml',
  'cases/A1-PHASES-ORDER/phase-1-ending-before-it-starts-breaches-a1-phases-order.yaml',
  'cases/A1-PHASES-ORDER/phase-4-starting-before-phase-3-ends-breaches-a1-phases-order.yaml',
  'cases/A1-POC-PRESENTED/a-proof-of-concept-never-presented-breaches-a1-poc-presented.yaml',
  'cases/A1-POC-PRESENTED/a-proof-of-concept-presented-after-phase-4-breaches-a1-poc-presented.yaml',
  'cases/A1-POC-SUPPORT/a-project-without-technical-support-breaches-a1-poc-support.yaml',
  'cases/A1-RELEASE-WEEKLY/an-intrapreneur-without-release-records-leaves-a1-release-weekly-undetermined.yaml',
  'cases/A1-SELECTION-AGREEMENT/a-project-selected-by-the-collectivite-alone-breaches-a1-selection-agreement.yaml',
  'cases/A1-SELECTION-CRITERIA/a-selection-without-the-credibility-criterion-breaches-a1-selection-criteria.yaml',
  'cases/A1-SEMINAR/a-programme-without-a-launch-seminar-breaches-a1-seminar.yaml',
  'cases/A1-SEMINAR/a-seminar-held-16-days-into-phase-3-breaches-a1-seminar.yaml',
  'cases/A1-SEMINAR/a-seminar-held-before-phase-2-breaches-a1-seminar.yaml',
  'cases/A2-EXPENSES-IN-PERIOD/an-expense-after-the-end-breaches-a2-expenses-in-period.yaml',
  'cases/A2-EXPENSES-IN-PERIOD/an-expense-before-the-signature-breaches-a2-expenses-in-period.yaml',
  'cases/A3-CALL-SUPPORT/a-call-not-supported-by-the-dinsic-breaches-a3-call-support.yaml',
  CAP,
];

/** Checks records (paths relative to the repository) with the library, as the CLI would. */
async function check(
  files: readonly string[],
  language: Language = 'en',
): Promise<{ reports: FileReport[]; context: FormatContext }> {
  const registry = new PackRegistry();
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(join(ROOT, file), { language }, registry));
  return { reports, context: contextOf(registry, language) };
}

function contextOf(registry: PackRegistry, language: Language): FormatContext {
  return {
    language,
    verbose: false,
    colors: false,
    sources: new Map(),
    tool: { name: 'clausier', version: VERSION },
    packs: registry.loaded(),
  };
}

// --- SARIF ------------------------------------------------------------------------------------

interface SarifLog {
  runs: {
    tool: {
      driver: { name: string; version: string; rules: { id: string }[] };
      extensions: {
        name: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          defaultConfiguration: { level: string };
        }[];
      }[];
    };
    results: Record<string, unknown>[];
  }[];
}

/** Formats by RFC 3986, for the three the schema names (ajv-formats is not a dependency). */
const URI_CHARACTERS = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*`;
const FORMATS_OF_SARIF = {
  uri: new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARACTERS}$`),
  // A relative reference whose first segment has a colon would read as a scheme.
  'uri-reference': new RegExp(
    `^(?![^/?#]*:)${URI_CHARACTERS}$|^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARACTERS}$`,
  ),
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

const SARIF_SCHEMA = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'),
) as object;

/**
 * The schema as published has two defects that keep ajv from compiling it as is: in `region`,
 * an `anyOf` is written among the properties (so the meta-schema refuses it, and the constraint
 * it meant is not enforced), and the `language` patterns start with `(?i)`, which ECMAScript
 * regular expressions do not know. The first is checked to be the only meta-schema error; the
 * second is read as what it means: ignore case.
 */
function sarifValidator() {
  const regExp = Object.assign(
    (pattern: string, flags: string) =>
      pattern.startsWith('^(?i)')
        ? new RegExp(`^${pattern.slice('^(?i)'.length)}`, `${flags}i`)
        : new RegExp(pattern, flags),
    { code: 'sarifRegExp' },
  );
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    code: { regExp },
    formats: FORMATS_OF_SARIF,
  });
  return { ajv, validate: ajv.compile(SARIF_SCHEMA) };
}

const { ajv, validate: validateSarif } = sarifValidator();

function expectValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  // What the schema meant for regions but cannot say (see sarifValidator): a start line.
  for (const result of log.runs[0]!.results)
    for (const location of (result.locations ?? []) as { physicalLocation?: { region?: object } }[])
      if (location.physicalLocation?.region)
        expect(location.physicalLocation.region).toHaveProperty('startLine');
  return log;
}

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, whose only meta-schema error is the known one', () => {
    expect(ajv.validateSchema(SARIF_SCHEMA)).toBe(false);
    expect(ajv.errors?.map((e) => `${e.instancePath} ${e.message}`)).toContain(
      '/definitions/region/properties/anyOf must be object,boolean',
    );
    expect(
      new Set(ajv.errors?.map((e) => e.instancePath)),
      'every meta-schema error is about region/properties/anyOf',
    ).toEqual(new Set(['/definitions/region/properties/anyOf']));
  });

  it('the validator refuses what SARIF refuses: a result without a message, a URI with a space', async () => {
    const { reports, context } = await check([CAP]);
    const log = JSON.parse(formatSarif(reports, context, ROOT)) as SarifLog;
    const result = log.runs[0]!.results[0]!;
    delete result.message;
    expect(validateSarif(log)).toBe(false);
    const spaced = JSON.parse(formatSarif(reports, context, ROOT)) as SarifLog;
    (
      spaced.runs[0]!.results[0]!.locations as {
        physicalLocation: { artifactLocation: { uri: string } };
      }[]
    )[0]!.physicalLocation.artifactLocation.uri = 'a b.yaml';
    expect(validateSarif(spaced)).toBe(false);
  });

  it('names the tool and its version, and describes every rule with its summary and clauses', async () => {
    const { reports, context } = await check(SMALL);
    const log = expectValidSarif(formatSarif(reports, context, ROOT));
    const { driver, extensions } = log.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'clausier', version: VERSION, semanticVersion: VERSION });
    expect(driver.rules.map((r) => r.id)).toEqual(['clausier/input', 'clausier/waiver']);
    expect(extensions.map((e) => e.name)).toEqual([PACK]);
    const ruleFiles = readdirSync(join(ROOT, 'rules', PACK))
      .filter((f) => /^[A-Z0-9]+(-[A-Z0-9]+)+\.yaml$/.test(f))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(ruleFiles).toHaveLength(32);
    expect(extensions[0]!.rules.map((r) => r.id)).toEqual(ruleFiles);
    const cap = extensions[0]!.rules.find((r) => r.id === 'A4-CAP')!;
    expect(cap).toEqual({
      id: 'A4-CAP',
      shortDescription: { text: 'Cap on the contribution' },
      fullDescription: {
        text: "The collectivité's payments do not exceed, in total, the cap of €10,000.",
      },
      help: {
        text: [
          "The collectivité's payments do not exceed, in total, the cap of €10,000.",
          '',
          'art. 3, engagement 4 de la collectivité:',
          "« - prendre en charge les frais d'appui méthodologique et opérationnel dans un plafond de 10 000 euros selon les modalités visées à l'article 4; »",
          '',
          'art. 4 al. 1:',
          "« La participation de la collectivité, qui ne saurait être considérée comme le résultat d'une activité commerciale, finance les dépenses d'accompagnement réalisées par la DINSIC à raison d'un montant ne pouvant dépasser les 10 000 €. »",
        ].join('\n'),
        markdown: [
          "The collectivité's payments do not exceed, in total, the cap of €10,000.",
          '',
          '**art. 3, engagement 4 de la collectivité**',
          '',
          "> \\- prendre en charge les frais d'appui méthodologique et opérationnel dans un plafond de 10 000 euros selon les modalités visées à l'article 4;",
          '',
          '**art. 4 al. 1**',
          '',
          "> La participation de la collectivité, qui ne saurait être considérée comme le résultat d'une activité commerciale, finance les dépenses d'accompagnement réalisées par la DINSIC à raison d'un montant ne pouvant dépasser les 10 000 €.",
        ].join('\n'),
      },
      defaultConfiguration: { level: 'error' },
      properties: { clauses: ['art3.collectivite.4', 'art4.al1'], obligor: 'collectivite' },
    });
    expect(
      extensions[0]!.rules.find((r) => r.id === 'A4-IMPUTATION')!.defaultConfiguration,
    ).toEqual({ level: 'warning' });
  });

  it('gives each breach its rule, level and place; undetermined findings are notes; input errors are results', async () => {
    const { reports, context } = await check(SMALL);
    const log = expectValidSarif(formatSarif(reports, context, ROOT));
    const results = log.runs[0]!.results;
    const capIndex = log.runs[0]!.tool.extensions[0]!.rules.findIndex((r) => r.id === 'A4-CAP');
    expect(results[0]).toEqual({
      ruleId: 'A4-CAP',
      rule: { id: 'A4-CAP', index: capIndex, toolComponent: { index: 0 } },
      level: 'error',
      message: { text: 'Payments: €12,000.00 against a cap of €10,000.00.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: CAP, uriBaseId: '%SRCROOT%' },
            region: { startLine: 177, startColumn: 5 },
          },
          logicalLocations: [{ fullyQualifiedName: '/payments/0/amount' }],
        },
      ],
      partialFingerprints: { 'clausierFinding/v1': expect.stringMatching(/^[0-9a-f]{64}$/) },
      properties: {
        status: 'breach',
        clauses: ['art3.collectivite.4', 'art4.al1'],
        case: 'over-cap',
      },
    });
    const summary = results.map((r) => {
      const where = (
        r.locations as {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }[]
      )[0]!.physicalLocation;
      return `${r.ruleId} ${r.level} ${where.artifactLocation.uri}:${where.region.startLine}`;
    });
    expect(summary).toEqual([
      `A4-CAP error ${CAP}:177`,
      `A4-IMPUTATION warning ${WARNING}:178`,
      `A2-EXPENSES-IN-PERIOD note ${UNSIGNED}:14`,
      `A4-PAYMENT-ON-SIGNATURE note ${UNSIGNED}:14`,
      `A4-REFUND-UNUSED note ${UNSIGNED}:14`,
      `A4-SINGLE-PAYMENT note ${UNSIGNED}:14`,
      `A5-CONTROLLER note ${UNSIGNED}:14`,
      `SIG-PARTIES note ${UNSIGNED}:14`,
      `clausier/input error ${INVALID}:3`,
      `clausier/input error ${INVALID}:3`,
      `clausier/input error ${INVALID}:4`,
    ]);
    expect(results[2]!.properties).toEqual({
      status: 'undetermined',
      clauses: ['art2.al1', 'art2.al2'],
      missing: ['/convention/signatures/1/date'],
    });
    expect(results[10]).toMatchObject({
      ruleId: 'clausier/input',
      rule: { id: 'clausier/input', index: 0 },
      message: { text: UNKNOWN_FIELD },
    });
    const fingerprints = results.map(
      (r) => (r.partialFingerprints as Record<string, string>)['clausierFinding/v1'],
    );
    expect(new Set(fingerprints).size).toBe(results.length);
  });

  it('gives a record read from standard input a physical location, which code scanning requires', () => {
    const text = readFileSync(join(ROOT, CAP), 'utf8');
    const run = runCli(['check', '-', '-f', 'sarif', '--lang', 'en'], { input: text });
    expect(run.status).toBe(1);
    const log = expectValidSarif(run.stdout);
    expect(log.runs[0]!.results.map((r) => r.locations)).toEqual([
      [
        {
          physicalLocation: {
            artifactLocation: { uri: 'stdin', description: { text: 'standard input' } },
            region: { startLine: 177, startColumn: 5 },
          },
          logicalLocations: [{ fullyQualifiedName: '/payments/0/amount' }],
        },
      ],
    ]);
  });

  it('keeps fingerprints across runs and languages, and when lines are added above a breach', async () => {
    const original = readFileSync(join(ROOT, CAP), 'utf8');
    const [a, b] = [tempDir(), tempDir()];
    writeFileSync(join(a, 'record.yaml'), original);
    writeFileSync(join(b, 'record.yaml'), `# a comment\n# and another\n${original}`);
    const fingerprintAndLine = async (dir: string, language: Language) => {
      const registry = new PackRegistry();
      const report = await checkFile(join(dir, 'record.yaml'), { language }, registry);
      const log = JSON.parse(formatSarif([report], contextOf(registry, language), dir)) as SarifLog;
      const result = log.runs[0]!.results[0]! as {
        partialFingerprints: Record<string, string>;
        locations: { physicalLocation: { region: { startLine: number } } }[];
      };
      return [
        result.partialFingerprints['clausierFinding/v1'],
        result.locations[0]!.physicalLocation.region.startLine,
      ];
    };
    const [first, line] = await fingerprintAndLine(a, 'en');
    expect(line).toBe(177);
    expect(await fingerprintAndLine(a, 'fr')).toEqual([first, 177]);
    expect(await fingerprintAndLine(b, 'en')).toEqual([first, 179]);
  });

  it('percent-encodes file names, places files outside the working directory by absolute URI, and standard input as stdin', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub dir'));
    const name = join(dir, 'sub dir', '50%, a:b #1 [x] é.yaml');
    writeFileSync(name, readFileSync(join(ROOT, CAP)));
    const registry = new PackRegistry();
    const report = await checkFile(name, { language: 'en' }, registry);
    const stdin = await checkSource(
      readFileSync(join(ROOT, INVALID)),
      '-',
      { language: 'en' },
      registry,
    );
    const uriOf = (cwd: string, r: FileReport) =>
      (
        (JSON.parse(formatSarif([r], contextOf(registry, 'en'), cwd)) as SarifLog).runs[0]!
          .results[0]!.locations as { physicalLocation?: { artifactLocation: unknown } }[]
      )[0]!.physicalLocation?.artifactLocation;
    expect(uriOf(dir, report)).toEqual({
      uri: 'sub%20dir/50%25%2C%20a%3Ab%20%231%20%5Bx%5D%20%C3%A9.yaml',
      uriBaseId: '%SRCROOT%',
    });
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    expect(uriOf(elsewhere, report)).toEqual({
      uri: `file://${dir.split('/').map(encodeURIComponent).join('/')}/sub%20dir/50%25,%20a:b%20%231%20%5Bx%5D%20%C3%A9.yaml`,
    });
    expect(uriOf(dir, stdin)).toEqual({ uri: 'stdin', description: { text: 'standard input' } });
    expectValidSarif(formatSarif([report, stdin], contextOf(registry, 'en'), dir));
    expectValidSarif(formatSarif([report], contextOf(registry, 'en'), elsewhere));
  });

  it('suppresses a waived breach with its waiver, and reports a waiver to review where it is written', () => {
    const dir = tempDir();
    const waivers = join(dir, 'waivers.yaml');
    const record = relative(dir, join(ROOT, CAP));
    const waiver = (rule: string, pointer: string) =>
      `  - record: ${record}\n    rule: ${rule}\n    pointer: ${pointer}\n    reason: Dépassement accepté.\n` +
      `    approvedBy: Jeanne Martin\n    approved: 2020-06-01\n    until: 2020-12-31\n`;
    writeFileSync(
      waivers,
      `waivers:\n${waiver('A4-CAP', '/payments/0/amount')}${waiver('A4-RIB-KEY', '/parties')}`,
    );
    const run = runCli(['check', CAP, '--waivers', waivers, '--format', 'sarif', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const results = expectValidSarif(run.stdout).runs[0]!.results;
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      ruleId: 'A4-CAP',
      level: 'error',
      suppressions: [
        {
          kind: 'external',
          status: 'accepted',
          justification: 'Dépassement accepté. (Jeanne Martin, 2020-06-01 – 2020-12-31)',
          location: {
            physicalLocation: {
              artifactLocation: { uri: expect.stringMatching(/^file:\/\/.*\/waivers\.yaml$/) },
              region: { startLine: 2, startColumn: 1 },
            },
          },
        },
      ],
      properties: { status: 'waived' },
    });
    expect(results[1]).toMatchObject({
      ruleId: 'clausier/waiver',
      rule: { id: 'clausier/waiver', index: 1 },
      level: 'warning',
      locations: [{ physicalLocation: { region: { startLine: 9 } } }],
      properties: { status: 'unmatched', record: CAP, rule: 'A4-RIB-KEY' },
    });
  });
});

// --- JUnit ------------------------------------------------------------------------------------

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Character references (&#13;, &#10;) are part of XML: decode them as every XML reader does.
  htmlEntities: true,
  trimValues: false,
  isArray: (name, _path, _leaf, attribute) =>
    !attribute &&
    ['testsuite', 'testcase', 'failure', 'error', 'skipped', 'property'].includes(name),
});

interface JunitCase {
  classname: string;
  name: string;
  failure?: { message: string; type: string; '#text': string }[];
  error?: { message: string; type: string; '#text': string }[];
  skipped?: { message: string }[];
}
interface JunitSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  properties: { property: { name: string; value: string }[] };
  testcase?: JunitCase[];
}

function parseJunit(text: string): {
  testsuites: Record<string, string> & { testsuite: JunitSuite[] };
} {
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text);
}

describe('--format junit', () => {
  it('is red exactly when the run fails: a failure is a finding --fail-on counts', async () => {
    const { reports, context } = await check(caseFiles().map((f) => relative(ROOT, f)));
    const seen = new Set<string>();
    for (const failOn of FAIL_ON) {
      const { testsuites } = parseJunit(formatJunit(reports, { ...context, failOn }, ROOT));
      testsuites.testsuite.forEach((suite, i) => {
        const report = reports[i]!;
        // An invalid record fails a run with exit 2, which JUnit says with an <error>.
        if (report.errors.length > 0) return;
        const red = Number(suite.failures) > 0;
        expect(red, `${report.file} --fail-on ${failOn}`).toBe(fails([report], failOn));
        seen.add(`${failOn} ${red}`);
      });
    }
    // Each level has records on both sides: the test can fail either way.
    expect([...seen].sort()).toEqual(FAIL_ON.flatMap((f) => [`${f} false`, `${f} true`]).sort());
  });

  it('has a suite per record and a case per rule, a failure per breach, an error per input error, and right counts', async () => {
    const { reports, context } = await check(SMALL);
    const { testsuites } = parseJunit(formatJunit(reports, context, ROOT));
    const suites = testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(SMALL);
    expect(suites.map((s) => [s.tests, s.failures, s.errors, s.skipped].join(' '))).toEqual([
      '32 1 0 2',
      '32 1 0 2',
      '32 0 0 8',
      '32 0 0 2',
      '1 0 1 0',
    ]);
    expect(testsuites).toMatchObject({
      name: 'clausier',
      tests: '129',
      failures: '2',
      errors: '1',
      skipped: '14',
    });
    // Counts are of test cases, as JUnit readers count them.
    for (const suite of suites) {
      const cases = suite.testcase ?? [];
      expect(Number(suite.tests)).toBe(cases.length);
      expect(Number(suite.failures)).toBe(cases.filter((c) => c.failure).length);
      expect(Number(suite.errors)).toBe(cases.filter((c) => c.error).length);
      expect(Number(suite.skipped)).toBe(cases.filter((c) => c.skipped).length);
      for (const c of cases) expect(c.classname).toBe(suite.name);
    }
    const cap = suites[0]!;
    expect(cap.properties.property).toEqual([
      { name: 'verdict', value: 'breach' },
      { name: 'asOf', value: '2020-06-30' },
      { name: 'pack', value: PACK },
    ]);
    expect(cap.testcase!.find((c) => c.failure)).toMatchObject({
      classname: CAP,
      name: 'A4-CAP: Cap on the contribution',
      failure: [
        {
          message: 'Payments: €12,000.00 against a cap of €10,000.00.',
          type: 'error',
          '#text': [
            `${CAP}:177:5`,
            'Payments: €12,000.00 against a cap of €10,000.00.',
            'art. 3, engagement 4 de la collectivité ; art. 4 al. 1',
            "art. 4 al. 1: « à raison d'un montant ne pouvant dépasser les 10 000 € »",
            'art. 3, engagement 4 de la collectivité: « dans un plafond de 10 000 euros »',
          ].join('\n'),
        },
      ],
    });
    expect(
      cap.testcase!.filter((c) => c.skipped).map((c) => [c.name, c.skipped![0]!.message]),
    ).toEqual([
      [
        'A5-TERMINATION-NOTICE: Termination after an unanswered formal notice',
        'No termination as of 2020-06-30.',
      ],
      [
        'A5-TERMS-BY-AMENDMENT: Changes only by signed amendment',
        'No parameter changed (terms is empty).',
      ],
    ]);
    expect(suites[1]!.testcase!.find((c) => c.failure)!.failure![0]!.type).toBe('warning');
    const undetermined = suites[2]!.testcase!.find((c) =>
      c.name.startsWith('A2-EXPENSES-IN-PERIOD'),
    );
    expect(undetermined!.skipped).toEqual([
      { message: 'Undetermined: the record does not give convention.signatures[1].date.' },
    ]);
    const invalid = suites[4]!;
    expect(invalid.testcase).toHaveLength(1);
    expect(invalid.testcase![0]!.name).toBe('clausier/input: invalid record');
    expect(invalid.testcase![0]!.error!.map((e) => [e.type, e.message])).toEqual([
      ['input', "(record): missing field 'convention' (the signed convention itself)"],
      [
        'input',
        "(record): missing field 'parties' (the two parties, with the bank accounts the convention names (article 4))",
      ],
      ['input', UNKNOWN_FIELD],
    ]);
    expect(invalid.testcase![0]!.error![2]!['#text']).toBe(`${INVALID}:4:1\n${UNKNOWN_FIELD}`);
  });

  it('gives a rule breached at several items one test case with a failure for each', async () => {
    const dir = tempDir();
    const source = readFileSync(
      join(
        ROOT,
        'cases/A4-CAP/two-payments-totalling-12000-euros-breach-the-cap-and-the-single-payment.yaml',
      ),
      'utf8',
    );
    // Both payments now exceed the cap: the first alone, the second with the first.
    const record = join(dir, 'record.yaml');
    writeFileSync(record, source.replace('amount: 6000.00', 'amount: 12000.00'));
    const registry = new PackRegistry();
    const report = await checkFile(record, { language: 'en' }, registry);
    const { testsuites } = parseJunit(formatJunit([report], contextOf(registry, 'en'), dir));
    const suite = testsuites.testsuite[0]!;
    const cap = suite.testcase!.find((c) => c.name.startsWith('A4-CAP'))!;
    expect(cap.failure!.map((f) => f['#text'].split('\n')[0])).toEqual([
      'record.yaml:177:5',
      'record.yaml:186:5',
    ]);
    const breached = [
      ...new Set(report.findings.filter((f) => f.status === 'breach').map((f) => f.rule)),
    ];
    expect(suite.failures).toBe(String(breached.length));
    expect(testsuites.failures).toBe(String(breached.length));
  });
});

// --- GitHub workflow commands -----------------------------------------------------------------

describe('--format github', () => {
  it('annotates each problem on its line, most severe first, escaped as GitHub requires', async () => {
    const { reports, context } = await check(SMALL);
    await expect(formatGithub(reports, context, ROOT)).toMatchFileSnapshot(
      'fixtures/formats/github.txt',
    );
  });

  it('shows at most 10 annotations per level, then says how many more and where to see them', async () => {
    const run = runCli(['check', ...MANY, '--format', 'github', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    await expect(run.stdout).toMatchFileSnapshot('fixtures/formats/github-more-than-10-errors.txt');
  });

  it('counts what is hidden per level, in French too; standard input has no file', async () => {
    const { reports, context } = await check([UNSIGNED], 'fr');
    const unsigned = reports[0]!;
    const copy = (n: number, status: Finding['status'], severity: Finding['severity']) =>
      Array.from({ length: n }, () => ({ ...unsigned.findings[0]!, status, severity }));
    const many: FileReport = {
      ...unsigned,
      verdict: 'breach',
      file: '-',
      findings: [...copy(12, 'breach', 'warning'), ...copy(11, 'undetermined', 'error')],
    };
    const lines = formatGithub([many], { ...context, language: 'fr' }, ROOT)
      .trimEnd()
      .split('\n');
    expect(lines.filter((l) => l.startsWith('::warning title='))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::notice title='))).toHaveLength(10);
    expect(lines.filter((l) => !l.startsWith('::'))).toEqual([
      'clausier : 2 avertissements de plus ne sont pas affichés en annotation (GitHub en affiche 10 par niveau) ; clausier check --format text les montre tous',
      'clausier : 1 constat indéterminé de plus n’est pas affiché en annotation (GitHub en affiche 10 par niveau) ; clausier check --format text les montre tous',
      'clausier : 1 fichier : 0 conforme, 1 non conforme, 0 invalide ; manquements : 0 erreur, 12 avertissements ; indéterminés : 11 ; 0 erreur de saisie',
    ]);
  });

  it('escapes data (%, CR, LF) and properties (also : and ,) so that no text ends a command', () => {
    expect(escapeData('50% done\r\n::error::injected')).toBe('50%25 done%0D%0A::error::injected');
    expect(escapeProperty('a:b,c 50%\r\n')).toBe('a%3Ab%2Cc 50%25%0D%0A');
    expect(escapeProperty('%3A')).toBe('%253A');
  });
});

// --- Markdown ---------------------------------------------------------------------------------

/** Table rows whose cells are not all there: a `|` unescaped in a cell would add one. */
function brokenRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .filter((line) => {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      return cells !== 5 && cells !== 6;
    });
}

describe('--format markdown', () => {
  it('gives the verdict, a table of the records, then each record’s problems', async () => {
    const { reports, context } = await check(SMALL);
    const markdown = formatMarkdown(reports, context, { cwd: ROOT });
    expect(brokenRows(markdown)).toEqual([]);
    await expect(markdown).toMatchFileSnapshot('fixtures/formats/markdown.md');
  });

  it('speaks French with --lang fr', async () => {
    const { reports, context } = await check([CAP, REFERENCE], 'fr');
    await expect(formatMarkdown(reports, context, { cwd: ROOT })).toMatchFileSnapshot(
      'fixtures/formats/markdown.fr.md',
    );
  });

  it('stays under the comment limit, and says how much it left out', async () => {
    const files = caseFiles().map((f) => relative(ROOT, f));
    const { reports, context } = await check(files);
    // Everything, with no limit; then at GitHub's own, which the cases outgrew at 98 records.
    const whole = formatMarkdown(reports, context, { cwd: ROOT, limit: Number.MAX_SAFE_INTEGER });
    expect(whole).not.toContain('**Truncated:**');
    const atDefault = formatMarkdown(reports, context, { cwd: ROOT });
    expect(atDefault.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(atDefault.includes('**Truncated:**')).toBe(whole.length > COMMENT_LIMIT);
    expect(atDefault === whole).toBe(whole.length <= COMMENT_LIMIT);
    const items = reports.reduce(
      (sum, r) =>
        sum +
        r.errors.length +
        r.findings.filter((f) => ['breach', 'undetermined', 'waived'].includes(f.status)).length +
        (r.waivers ?? []).filter((w) => w.status !== 'applied').length,
      0,
    );
    // Cut in the table of records, then in the details.
    const tableEnd = whole.indexOf('<details');
    for (const [limit, cutInTable] of [
      [2000, true],
      [tableEnd + 2000, false],
    ] as const) {
      const cut = formatMarkdown(reports, context, { cwd: ROOT, limit });
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(brokenRows(cut)).toEqual([]);
      expect(cut.match(/<details/g)?.length ?? 0).toBe(cut.match(/<\/details>/g)?.length ?? 0);
      const lines = cut.split('\n');
      const records = files.length - lines.filter((l) => l.startsWith('| `')).length;
      const shownItems = lines.filter((l) =>
        /^\| (\*\*)?(error|warning|undetermined|input error|waived|waiver to review)/.test(l),
      ).length;
      expect(records > 0).toBe(cutInTable);
      expect(shownItems > 0).toBe(!cutInTable);
      expect(lines.at(-2)).toBe(
        `**Truncated:** ${items - shownItems} more findings${records > 0 ? ` and ${records} more records` : ''} are not shown (a GitHub comment holds at most 65,536 characters); run \`clausier check --format text\` to see them all.`,
      );
    }
  });

  it('escapes Markdown and HTML in what comes from records', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <f> & |g| ~h~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) &lt;f&gt; &amp; \\|g\\| \\~h\\~ \\\\',
    );
    expect(escapeMarkdown('# h\n- i\n+ j\n1. k\n2) l\n> m\n=\n  -n')).toBe(
      '\\# h\n\\- i\n\\+ j\n1\\. k\n2\\) l\n&gt; m\n\\=\n  \\-n',
    );
    expect(escapeMarkdown('2019-W42, 10 000,00 €.')).toBe('2019-W42, 10 000,00 €.');
    expect(codeCell('a`b|c')).toBe('``a`b\\|c``');
    expect(codeCell('`x`')).toBe('`` `x` ``');
    expect(codeCell('line\nbreak')).toBe('`line break`');
  });
});

// --- Through the command line -----------------------------------------------------------------

describe('the CI formats through the command line', () => {
  /** `check SMALL --format <format>` on standard output: made once for each test that reads it. */
  const printed = new Map<string, Run>();
  const print = (format: string): Run => {
    if (!printed.has(format))
      printed.set(format, runCli(['check', ...SMALL, '--format', format, '--lang', 'en']));
    return printed.get(format)!;
  };

  it('lists every format in the order of the issue', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'junit', 'github', 'markdown']);
  });

  for (const format of ['sarif', 'junit']) {
    it(`--format ${format} --output FILE writes what standard output would show, and nothing else`, () => {
      const dir = tempDir();
      const out = join(dir, `report.${format}`);
      const written = runCli([
        'check',
        ...SMALL,
        '--format',
        format,
        '--lang',
        'en',
        '--output',
        out,
      ]);
      expect(written.stderr).toBe('');
      expect(written.stdout).toBe('');
      expect(written.status).toBe(2);
      const { stdout } = print(format);
      expect(readFileSync(out, 'utf8')).toBe(stdout);
      if (format === 'sarif') expectValidSarif(stdout);
      else expect(parseJunit(stdout).testsuites.tests).toBe('129');
    });
  }

  it('several formats in one run, each where its --output.<format> says: the same bytes as one run each', () => {
    const dir = tempDir();
    const single = (format: string): string => print(format).stdout;
    // Annotations on standard output and SARIF in a file, as the GitHub Action does.
    const both = runCli([
      'check',
      ...SMALL,
      '--format',
      'github',
      '--output.sarif',
      join(dir, 'clausier.sarif'),
      '--lang',
      'en',
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('');
    expect(both.stdout).toBe(single('github'));
    expect(readFileSync(join(dir, 'clausier.sarif'), 'utf8')).toBe(single('sarif'));
    // Commas or repeats; text and JSON, written file by file, are whole too.
    const files = ['text', 'json', 'junit', 'markdown'].map((f) => join(dir, `report.${f}`));
    const four = runCli([
      'check',
      ...SMALL,
      '-f',
      'text,json',
      '-f',
      'junit',
      '--format',
      'markdown',
      ...['text', 'json', 'junit', 'markdown'].flatMap((f, i) => [`--output.${f}`, files[i]!]),
      '--lang',
      'en',
    ]);
    expect(four.stdout + four.stderr).toBe('');
    expect(four.status).toBe(2);
    ['text', 'json', 'junit', 'markdown'].forEach((format, i) =>
      expect(readFileSync(files[i]!, 'utf8'), format).toBe(single(format)),
    );
  });

  it('refuses two formats written to the same place, before checking anything', () => {
    const dir = tempDir();
    const stdout = runCli(['check', ...SMALL, '-f', 'text,github', '--lang', 'en']);
    expect(stdout.status).toBe(2);
    expect(stdout.stdout).toBe('');
    expect(stdout.stderr).toBe(
      "clausier check: --format: text and github would both be written to standard output (give all of them but one an --output.<format> FILE)\nTry 'clausier check --help'.\n",
    );
    const out = join(dir, 'same');
    const file = runCli([
      'check',
      ...SMALL,
      '-f',
      'json,sarif',
      '-o',
      out,
      '--output.junit',
      out,
      '--lang',
      'fr',
    ]);
    expect(file.stderr).toBe(
      `clausier check : --format : json et sarif seraient tous deux écrits dans ${out} (donnez à chacun son --output.<format> FICHIER)\nVoir « clausier check --help ».\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--format markdown prints the expected comment', async () => {
    const run = print('markdown');
    expect(run.status).toBe(2);
    await expect(run.stdout).toMatchFileSnapshot('fixtures/formats/markdown.md');
  });

  it('gives the same output in any time zone and locale', () => {
    const environments: NodeJS.ProcessEnv[] = [
      { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' },
      { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' },
    ];
    for (const format of ['sarif', 'junit', 'github', 'markdown']) {
      const [a, b] = environments.map(
        (env) =>
          runCli(['check', CAP, UNSIGNED, '--format', format, '--lang', 'en'], { env }).stdout,
      );
      expect(a, format).toBe(b);
    }
  });

  it('text: colours only when asked or on a terminal, NO_COLOR first; a code frame under each breach', () => {
    const args = ['check', CAP, '--lang', 'en'];
    const plain = runCli(args);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain(
      ['      > 177 |     amount: 12000.00', '            |     ^'].join('\n'),
    );
    expect(runCli(args, { env: { FORCE_COLOR: '1' } }).stdout).toContain(
      '\u001b[31merror\u001b[39m',
    );
    expect(runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(
      '\u001b[',
    );
  });
});

describe('XML escaping', () => {
  const hostile = 'a <b> & "c" \'d\'\r\ne\tf\u0000g\u0007h\u000bi\ufffej\ud800k 😀';

  it('escapes markup, keeps CR, tabs and line feeds, and replaces what XML 1.0 cannot carry', () => {
    expect(xmlText(hostile)).toBe(
      'a &lt;b&gt; &amp; "c" \'d\'&#13;\ne\tf\ufffdg\ufffdh\ufffdi\ufffdj\ufffdk 😀',
    );
    expect(xmlAttribute(hostile)).toBe(
      "a &lt;b&gt; &amp; &quot;c&quot; 'd'&#13;&#10;e&#9;f\ufffdg\ufffdh\ufffdi\ufffdj\ufffdk 😀",
    );
  });

  it('reads back as written through an XML parser, in text and in attributes', () => {
    const forbidden = ['\u0000', '\u0007', '\u000b', '\ufffe', '\ud800'];
    const readable = [...hostile].map((c) => (forbidden.includes(c) ? '\ufffd' : c)).join('');
    const document = `<a x="${xmlAttribute(hostile)}">${xmlText(hostile)}</a>`;
    expect(XMLValidator.validate(document)).toBe(true);
    expect(xml.parse(document)).toEqual({ a: { x: readable, '#text': readable } });
  });
});

describe('--format json, one file’s entry', () => {
  it('is the entry written alone, its lines indented by four spaces, as the report sets it, whether written from the report or from its text', async () => {
    const registry = new PackRegistry();
    for (const file of [...caseFiles(), join(ROOT, INVALID)]) {
      const report = await checkFile(file, { language: 'en' }, registry);
      const text = entryText(report);
      const alone = JSON.stringify(JSON.parse(text), null, 2).replaceAll('\n', '\n    ');
      expect(text).toBe(alone);
      expect(reportOfEntry(report.file, text).findings).toHaveLength(report.findings.length);
      // Written from the report or from its entry text (a worker's, the cache's): the same.
      const [fromReport, fromText] = [new JsonReportWriter(), new JsonReportWriter()];
      expect(fromReport.file(report)).toBe(fromText.entry(report.file, text));
      expect(fromReport.file(report)).toBe(fromText.entry(report.file, text));
    }
  });
});
