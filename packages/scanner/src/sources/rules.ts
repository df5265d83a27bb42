import type { RuleDescriptor } from '@trustgate/core';

export const SOURCE_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-SRC-001',
    name: 'ModelSourceNotAllowed',
    summary: 'Code or config pulls a model from a source that is not on the scan.sources.allow list (shadow AI).',
    severity: 'high',
    help: 'Use a vetted model, or have the model reviewed and add its org/repo or registry host to scan.sources.allow.',
  },
  {
    id: 'TG-SRC-002',
    name: 'ModelSourceBlocked',
    summary: 'Code or config pulls a model from a source on the scan.sources.block list.',
    severity: 'critical',
    help: 'Remove the reference; the source is explicitly blocked by policy.',
  },
];
