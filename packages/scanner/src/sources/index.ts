export { judgeReference, type SourceDecision, type SourcesPolicy } from './policy.js';
export { findReferences, type ModelReference } from './references.js';
export { SOURCE_RULES } from './rules.js';
export { mergeSourceResults, withModelReferences } from './merge.js';
export { findModelReferences, type ReferenceScanOptions, referenceFindings, SOURCES_FORMAT } from './scan.js';
export { judgeRemoteScan, type RemoteScanner, type RemoteScanOutcome } from './remote-gate.js';
