import type { ScanPolicy } from '@trustgate/core/base';
import type { GlobalsPolicy } from '../pickle/globals-policy.js';
import type { MachineLimits } from '../pickle/machine.js';

export function globalsPolicy(policy: ScanPolicy): GlobalsPolicy {
  return { allow: policy.allowGlobals, deny: policy.denyGlobals };
}

export function machineLimits(policy: ScanPolicy): Partial<MachineLimits> {
  return { maxOpcodes: policy.limits.maxOpcodes };
}
