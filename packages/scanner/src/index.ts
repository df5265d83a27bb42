export type { Analysis, AnalyserContext, FormatAnalyser, ModelMetadata } from './analyser.js';
export { analyseSource } from './dispatch.js';
export { ScannerError, type ScannerErrorCode } from './errors.js';
export { DEFAULT_SAFE_GLOBALS, type GlobalJudgement, judgeGlobal } from './pickle/globals-policy.js';
export { type PickleScan, scanPickles } from './pickle/analyse.js';
export { RULES, SCANNER_RULES, type ScannerRule } from './rules.js';
export { openFileSource } from './io/file-source.js';
export { type ScanOptions, scanPaths, scanReport, scanSarif, scanStatement, type ScanStatementPredicate } from './scan.js';
export { type ByteSource, bufferSource } from './source.js';
