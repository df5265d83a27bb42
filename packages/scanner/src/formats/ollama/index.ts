export { modelManifestAnalyser } from './analyser.js';
