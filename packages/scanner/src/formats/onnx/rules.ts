import type { RuleDescriptor } from '@trustgate/core/base';

export const ONNX_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-ONNX-001',
    name: 'OnnxMalformed',
    summary: 'The ONNX ModelProto could not be decoded.',
    severity: 'high',
    help: 'Re-export the model with the onnx tooling from a trusted source; do not load this file.',
  },
  {
    id: 'TG-ONNX-002',
    name: 'OnnxExternalDataPath',
    summary:
      'An external-data location is absolute, has a ".." segment or a backslash, or resolves outside the model directory (arbitrary file read on load).',
    severity: 'critical',
    help: 'External data must be a plain relative file name next to the model; re-save with onnx.save(..., location="weights.bin").',
  },
  {
    id: 'TG-ONNX-003',
    name: 'OnnxCustomDomain',
    summary: 'A node uses an operator domain that is not on the allowlist (a custom-op library must be loaded to run it).',
    severity: 'medium',
    help: 'Check the custom-op library that provides the domain; if it is trusted, add the domain to scan.onnx.allowDomains.',
  },
];
