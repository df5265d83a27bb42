export { toJson } from './json.js';
export { cell, toMarkdown } from './markdown.js';
export type { FileResult, RemoteScan, Report, ReportSummary } from './model.js';
export { type SarifOptions, toSarif } from './sarif.js';
export { buildReport, summarise } from './summary.js';
export { toText } from './text.js';
export { STEP_SUMMARY_LIMIT, type StepSummaryOptions, toStepSummary } from './step-summary.js';
