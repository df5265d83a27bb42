export type { Analysis, AnalyserContext, FormatAnalyser, ModelMetadata } from './analyser.js';
export { ADVISORIES, type Advisory, advisoriesByRule, advisoryTable } from './advisories.js';
export { analyseSource } from './dispatch.js';
export { ScannerError, type ScannerErrorCode } from './errors.js';
export { DEFAULT_SAFE_GLOBALS, type GlobalJudgement, judgeGlobal } from './pickle/globals-policy.js';
export { type PickleScan, scanPickles } from './pickle/analyse.js';
export { RULES, SCANNER_RULES, type ScannerRule } from './rules.js';
export { openFileSource } from './io/file-source.js';
export * from './local.js';
export { type FileSelection, VCS_DIRECTORIES } from './select.js';
export { type ByteSource, bufferSource } from './source.js';
export { EXTRA_ANALYSERS } from './formats/extra.js';
export { EXTRA_FORMAT_RULES } from './formats/extra-rules.js';
export { ModelFormatError, type ModelFormatErrorCode } from './formats/shared/errors.js';
export { buildMlBom, type CycloneDxBom, type MlBomOptions } from './mlbom/index.js';
export {
  findModelReferences,
  findReferences,
  mergeSourceResults,
  type ModelReference,
  type ReferenceScanOptions,
  referenceFindings,
  type RemoteScanner,
  SOURCE_RULES,
  withModelReferences,
} from './sources/index.js';
export {
  type HubOptions,
  parseRemoteReference,
  type RemoteReference,
  type RemoteScanOptions,
  scanRemote,
} from './remote/index.js';
