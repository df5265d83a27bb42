export type { Analysis, AnalyserContext, FormatAnalyser, ModelMetadata } from './analyser.js';
export { type ByteSource, bufferSource } from './source.js';
export { EXTRA_ANALYSERS } from './formats/extra.js';
export { EXTRA_FORMAT_RULES } from './formats/extra-rules.js';
export { ModelFormatError, type ModelFormatErrorCode } from './formats/shared/errors.js';
export { buildMlBom, type CycloneDxBom, type MlBomOptions, metadataRecord } from './mlbom/index.js';
export { findModelReferences, findReferences, type ModelReference, referenceFindings, SOURCE_RULES } from './sources/index.js';
