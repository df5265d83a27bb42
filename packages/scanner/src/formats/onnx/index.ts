export { DEFAULT_ONNX_DOMAINS, onnxAnalyser } from './analyser.js';
export { unsafeLocation } from './external-data.js';
export { ONNX_RULES } from './rules.js';
