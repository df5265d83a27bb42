import type { RuleDescriptor } from '@trustgate/core/base';

const help = 'Re-export the model from code you trust (tf.saved_model.save) and inspect the graph; do not load this file.';

export const TENSORFLOW_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-TF-001',
    name: 'TensorflowMalformed',
    summary: 'The SavedModel or GraphDef protobuf could not be decoded.',
    severity: 'high',
    help,
  },
  {
    id: 'TG-TF-002',
    name: 'TensorflowPythonOp',
    summary: 'The graph calls back into Python (PyFunc, EagerPyFunc, PyFuncStateless).',
    severity: 'critical',
    help,
  },
  {
    id: 'TG-TF-003',
    name: 'TensorflowFileOp',
    summary: 'The graph reads, lists or writes files (ReadFile, WriteFile, MatchingFiles, PrintV2 to a file, summary writers).',
    severity: 'high',
    help,
  },
  {
    id: 'TG-TF-004',
    name: 'TensorflowCheckpointOp',
    summary:
      'A checkpoint op (Save/SaveV2, RestoreV2, MergeV2Checkpoints): high when its path is a constant baked into the graph, low in the usual saver wiring.',
    severity: 'high',
    help,
  },
  {
    id: 'TG-TF-005',
    name: 'TensorflowUnknownOp',
    summary: 'The graph uses an op that is not on the known-op list.',
    severity: 'medium',
    help: 'Check which library registers the op; if trusted, add it to scan.tensorflow.allowOps.',
  },
  {
    id: 'TG-TF-006',
    name: 'TensorflowEmbeddedGraph',
    summary: 'A graph is deserialised from data at run time (DatasetFromGraph and relatives).',
    severity: 'medium',
    help,
  },
];
