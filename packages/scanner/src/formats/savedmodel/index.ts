export { graphDefAnalyser, graphFindings, savedModelAnalyser } from './analyser.js';
export { decodeGraphDef, decodeSavedModel } from './proto.js';
export { TENSORFLOW_RULES } from './rules.js';
