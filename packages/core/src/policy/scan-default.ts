import type { ScanPolicy } from './scan.js';

/**
 * What `scanPolicySchema.parse({})` returns, without loading zod: a scan with no policy file starts faster.
 * test/policy/scan-default.test.ts keeps the two equal.
 */
export function defaultScanPolicy(): ScanPolicy {
  return {
    failOn: ['unsafe', 'review', 'error'],
    allowGlobals: [],
    denyGlobals: [],
    limits: { maxDepth: 4, maxMembers: 100_000, maxDecompressedBytes: 8 * 1024 ** 3, maxCompressionRatio: 200, maxOpcodes: 50_000_000 },
    keras: { allowModules: [], allowRegisteredNames: [] },
    onnx: { allowDomains: [] },
    tensorflow: { allowOps: [] },
  };
}
