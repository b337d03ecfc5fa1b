/**
 * clausier as a library: check records, load rule packs. The CLI is built on these functions.
 */
export {
  checkFile,
  checkSource,
  checkLoaded,
  todayInParis,
  PackRegistry,
  type CheckOptions,
  type FileReport,
  type Finding,
  type Location,
  type Status,
  type Language,
} from './check.js';
export {
  loadRecordFile,
  loadRecordBytes,
  loadRecordText,
  type LoadedRecord,
} from './load/index.js';
export { loadRulePack, RulePackError, type RulePack, type PackProblem } from './rules/pack.js';
export type { InputProblem } from './errors.js';
export type { ProgrammeRecord } from './model/programme.js';
export type { MoneySummary } from './facts/measure.js';
