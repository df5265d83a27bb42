import type { RuleDescriptor } from '@trustgate/core/base';

const help = 'Download the GGUF file again from a trusted publisher or convert it yourself with llama.cpp; do not load this file.';

export const GGUF_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-GGUF-001',
    name: 'GgufMalformed',
    summary: 'The GGUF header, metadata or tensor table could not be parsed.',
    severity: 'high',
    help,
  },
  {
    id: 'TG-GGUF-002',
    name: 'GgufLimitExceeded',
    summary: 'A GGUF count or length exceeds the hard caps (the heap overflow pattern of crafted GGUF files).',
    severity: 'high',
    help,
  },
  {
    id: 'TG-GGUF-003',
    name: 'GgufTensorOutOfRange',
    summary: 'A tensor descriptor is malformed or points outside the file.',
    severity: 'high',
    help,
  },
];
