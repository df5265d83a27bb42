export { kerasConfigAnalyser, kerasH5Analyser, kerasMetadataAnalyser } from './analysers.js';
export { bytecodeNames } from './bytecode.js';
export { checkConfig } from './config.js';
export { KERAS_RULES } from './rules.js';
export { kerasSavedMetadataAnalyser } from './saved-metadata.js';
