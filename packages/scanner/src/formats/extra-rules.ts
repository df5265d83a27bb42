import type { RuleDescriptor } from '@trustgate/core/base';
import { GGUF_RULES } from './gguf/rules.js';
import { KERAS_RULES } from './keras/rules.js';
import { ONNX_RULES } from './onnx/rules.js';
import { SAFETENSORS_RULES } from './safetensors/rules.js';
import { TENSORFLOW_RULES } from './savedmodel/rules.js';
import { TEMPLATE_RULES } from './templates/rules.js';

/** Rules of the extra format analysers, for the rule catalog (SARIF rule metadata, docs). */
export const EXTRA_FORMAT_RULES: readonly RuleDescriptor[] = [
  ...SAFETENSORS_RULES,
  ...GGUF_RULES,
  ...TEMPLATE_RULES,
  ...ONNX_RULES,
  ...KERAS_RULES,
  ...TENSORFLOW_RULES,
];
