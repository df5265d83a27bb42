export { rAnalyser } from './analyser.js';
