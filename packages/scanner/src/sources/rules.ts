import type { RuleDescriptor } from '@trustgate/core/base';

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
  {
    id: 'TG-SRC-003',
    name: 'ModelSourceUnpinned',
    summary:
      'scan.sources.requireRemoteScan is on and an allowed Hugging Face model is not pinned to a commit, so no scan can vouch for what will be downloaded.',
    severity: 'high',
    help: 'Pin the reference to the commit that was scanned: revision="<40-hex sha>", hf://org/name@<sha>, or /resolve/<sha>/ in a URL.',
  },
  {
    id: 'TG-SRC-004',
    name: 'ModelSourceScanNotSafe',
    summary:
      'scan.sources.requireRemoteScan is on and the pinned model did not pass a scan before download (unsafe, review, error, or unreachable).',
    severity: 'critical',
    help: 'Run `trustgate scan hf://org/name@<sha>` to see the findings; pin a revision that scans safe, or use a vetted model.',
  },
];
