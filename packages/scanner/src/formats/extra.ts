import type { FormatAnalyser } from '../analyser.js';
import { sniffBooster } from './boosters/sniff.js';
import { sniffCoreml, sniffMilWeights, sniffMlpackageManifest } from './coreml/sniff.js';
import { sniffExecutorch } from './executorch/sniff.js';
import { sniffGguf } from './gguf/sniff.js';
import { sniffH5, sniffKerasConfig, sniffKerasMetadata, sniffSavedMetadata } from './keras/sniff.js';
import { lazyAnalyser } from './lazy.js';
import { sniffMsgpackCheckpoint } from './msgpack/sniff.js';
import { sniffMxnetParams, sniffMxnetSymbol } from './mxnet/sniff.js';
import { sniffOnnx } from './onnx/sniff.js';
import { sniffPaddleProgram } from './paddle/sniff.js';
import { sniffModelManifest } from './ollama/sniff.js';
import { sniffR } from './r/sniff.js';
import { sniffSafetensors } from './safetensors/sniff.js';
import { sniffGraphDef, sniffSavedModel } from './savedmodel/sniff.js';
import { sniffTflite } from './tflite/sniff.js';
import { sniffTorch7 } from './torch7/sniff.js';
import { sniffChatTemplate, sniffTokenizerConfig } from './templates/sniff.js';

const keras = () => import('./keras/index.js');
const savedModel = () => import('./savedmodel/index.js');
const templates = () => import('./templates/index.js');
const coreml = () => import('./coreml/analyser.js');
const mxnet = () => import('./mxnet/analyser.js');

/**
 * Format analysers beyond pickles and their containers (Keras, SavedModel, ONNX, GGUF, safetensors, chat templates).
 * The dispatcher consults these after the built-in container and pickle sniffers, in this order: magic-number
 * formats first, then protobuf shapes, then JSON and text sniffed by their keys. Each is loaded on first use.
 */
export const EXTRA_ANALYSERS: readonly FormatAnalyser[] = [
  lazyAnalyser('gguf', sniffGguf, async () => (await import('./gguf/index.js')).ggufAnalyser),
  lazyAnalyser('r-serialization', sniffR, async () => (await import('./r/index.js')).rAnalyser),
  lazyAnalyser('keras-h5', sniffH5, async () => (await keras()).kerasH5Analyser),
  lazyAnalyser('safetensors', sniffSafetensors, async () => (await import('./safetensors/index.js')).safetensorsAnalyser),
  lazyAnalyser('tflite', sniffTflite, async () => (await import('./tflite/analyser.js')).tfliteAnalyser),
  lazyAnalyser('executorch', sniffExecutorch, async () => (await import('./executorch/analyser.js')).executorchAnalyser),
  lazyAnalyser('coreml-weights', sniffMilWeights, async () => (await coreml()).milWeightsAnalyser),
  lazyAnalyser('mxnet-params', sniffMxnetParams, async () => (await mxnet()).mxnetParamsAnalyser),
  lazyAnalyser('paddle-program', sniffPaddleProgram, async () => (await import('./paddle/analyser.js')).paddleAnalyser),
  lazyAnalyser('msgpack-checkpoint', sniffMsgpackCheckpoint, async () => (await import('./msgpack/analyser.js')).msgpackAnalyser),
  lazyAnalyser('torch7', sniffTorch7, async () => (await import('./torch7/analyser.js')).torch7Analyser),
  lazyAnalyser('booster', sniffBooster, async () => (await import('./boosters/analyser.js')).boosterAnalyser),
  // CoreML before ONNX: both open with field 1 as a varint; CoreML is told apart by its model-type field (200+).
  lazyAnalyser('coreml', sniffCoreml, async () => (await coreml()).coremlAnalyser),
  lazyAnalyser('onnx', sniffOnnx, async () => (await import('./onnx/index.js')).onnxAnalyser),
  lazyAnalyser('tf-savedmodel', sniffSavedModel, async () => (await savedModel()).savedModelAnalyser),
  lazyAnalyser('keras-saved-metadata', sniffSavedMetadata, async () => (await keras()).kerasSavedMetadataAnalyser),
  lazyAnalyser('tf-graphdef', sniffGraphDef, async () => (await savedModel()).graphDefAnalyser),
  lazyAnalyser('coreml-package', sniffMlpackageManifest, async () => (await coreml()).mlpackageManifestAnalyser),
  lazyAnalyser('mxnet-symbol', sniffMxnetSymbol, async () => (await mxnet()).mxnetSymbolAnalyser),
  lazyAnalyser('model-manifest', sniffModelManifest, async () => (await import('./ollama/index.js')).modelManifestAnalyser),
  lazyAnalyser('keras-config', sniffKerasConfig, async () => (await keras()).kerasConfigAnalyser),
  lazyAnalyser('keras-metadata', sniffKerasMetadata, async () => (await keras()).kerasMetadataAnalyser),
  lazyAnalyser('tokenizer-config', sniffTokenizerConfig, async () => (await templates()).tokenizerConfigAnalyser),
  lazyAnalyser('chat-template', sniffChatTemplate, async () => (await templates()).chatTemplateAnalyser),
];
