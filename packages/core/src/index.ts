export * from './base.js';
export { decodePolicyBytes, YAML_LIMITS } from './config/guard.js';
export { parseConfig, loadPolicyFile, parsePolicy } from './config/load.js';
export { POLICY_PATH, type ResolvedPolicy, resolvePolicy } from './config/discover.js';
export * from './policy/index.js';
export * from './gates/index.js';
