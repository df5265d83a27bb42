import type { FormatAnalyser } from '../analyser.js';
import { ggufAnalyser } from './gguf/index.js';
import { kerasConfigAnalyser, kerasH5Analyser, kerasMetadataAnalyser, kerasSavedMetadataAnalyser } from './keras/index.js';
import { onnxAnalyser } from './onnx/index.js';
import { safetensorsAnalyser } from './safetensors/index.js';
import { graphDefAnalyser, savedModelAnalyser } from './savedmodel/index.js';
import { chatTemplateAnalyser, tokenizerConfigAnalyser } from './templates/index.js';

/**
 * Format analysers beyond pickles and their containers (Keras, SavedModel, ONNX, GGUF, safetensors, chat templates).
 * The dispatcher consults these after the built-in container and pickle sniffers, in this order: magic-number
 * formats first, then protobuf shapes, then JSON and text sniffed by their keys.
 */
export const EXTRA_ANALYSERS: readonly FormatAnalyser[] = [
  ggufAnalyser,
  kerasH5Analyser,
  safetensorsAnalyser,
  onnxAnalyser,
  savedModelAnalyser,
  kerasSavedMetadataAnalyser,
  graphDefAnalyser,
  kerasConfigAnalyser,
  kerasMetadataAnalyser,
  tokenizerConfigAnalyser,
  chatTemplateAnalyser,
];
