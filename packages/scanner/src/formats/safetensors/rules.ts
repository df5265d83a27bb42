import type { RuleDescriptor } from '@trustgate/core/base';

const help = 'Re-export the weights with the safetensors library from a trusted checkpoint; do not load this file.';

export const SAFETENSORS_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-ST-001',
    name: 'SafetensorsUnreadable',
    summary: 'The safetensors header could not be read or is not valid JSON.',
    severity: 'high',
    help,
  },
  {
    id: 'TG-ST-002',
    name: 'SafetensorsHeaderLength',
    summary: 'The declared header length is beyond the file or the sanity cap.',
    severity: 'high',
    help,
  },
  { id: 'TG-ST-003', name: 'SafetensorsDtype', summary: 'A tensor has an unknown dtype.', severity: 'high', help },
  {
    id: 'TG-ST-004',
    name: 'SafetensorsShapeSize',
    summary: "A tensor's shape times dtype size differs from its byte span.",
    severity: 'high',
    help,
  },
  {
    id: 'TG-ST-005',
    name: 'SafetensorsOffsets',
    summary: 'Tensor offsets are malformed or outside the data section.',
    severity: 'high',
    help,
  },
  { id: 'TG-ST-006', name: 'SafetensorsOverlap', summary: 'Two tensors share bytes.', severity: 'high', help },
  {
    id: 'TG-ST-007',
    name: 'SafetensorsGap',
    summary: 'The data section has bytes no tensor accounts for (gaps or trailing data).',
    severity: 'high',
    help,
  },
  { id: 'TG-ST-008', name: 'SafetensorsEntry', summary: 'A header entry or the __metadata__ map is malformed.', severity: 'high', help },
];
