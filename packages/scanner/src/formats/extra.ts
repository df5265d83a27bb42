import type { FormatAnalyser } from '../analyser.js';

/**
 * Format analysers beyond pickles and their containers (Keras, SavedModel, ONNX, GGUF, safetensors, chat templates).
 * The dispatcher consults these after the built-in container and pickle sniffers.
 */
export const EXTRA_ANALYSERS: readonly FormatAnalyser[] = [];
