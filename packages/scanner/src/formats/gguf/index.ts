export { ggufAnalyser } from './analyser.js';
export { GGUF_LIMITS, readHeader } from './header.js';
export { GGUF_RULES } from './rules.js';
