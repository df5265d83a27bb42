export { MAX_HEADER_BYTES, safetensorsAnalyser } from './analyser.js';
export { checkHeader, DTYPE_BYTES } from './header.js';
export { SAFETENSORS_RULES } from './rules.js';
