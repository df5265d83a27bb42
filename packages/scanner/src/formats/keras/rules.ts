import type { RuleDescriptor } from '@trustgate/core/base';

const help = 'Rebuild the model from code you trust and load only its weights; never load this file with safe_mode=False.';

export const KERAS_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-KRS-001',
    name: 'KerasLambdaLayer',
    summary: 'A Lambda layer carries marshalled Python bytecode that runs when the model is loaded.',
    severity: 'critical',
    help,
  },
  {
    id: 'TG-KRS-002',
    name: 'KerasModuleReference',
    summary: 'The config references a module outside the Keras allowlist (the safe_mode bypass: arbitrary imports on load).',
    severity: 'high',
    help,
  },
  {
    id: 'TG-KRS-003',
    name: 'KerasDangerousObject',
    summary: 'The config names an object known from safe_mode bypasses (enable_unsafe_deserialization, get_file, TorchModuleWrapper).',
    severity: 'critical',
    help,
  },
  {
    id: 'TG-KRS-004',
    name: 'KerasCustomObject',
    summary: 'The config needs a custom registered object ("package>Name") that is not on the allowlist.',
    severity: 'medium',
    help: 'Check the package that registers the object; if trusted, add it to scan.keras.allowRegisteredNames.',
  },
  { id: 'TG-KRS-005', name: 'KerasMalformed', summary: 'The HDF5 file or Keras config could not be read.', severity: 'high', help },
];
