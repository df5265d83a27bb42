export type { Analysis, AnalyserContext, FormatAnalyser, ModelMetadata } from './analyser.js';
export { type ByteSource, bufferSource } from './source.js';
