import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defaultPolicy, type Policy } from '../policy/index.js';
import { loadPolicyFile } from './load.js';

/** Where a repository keeps its policy; every gate reads it from the checkout unless told otherwise. */
export const POLICY_PATH = '.github/trustgate.yml';

export interface ResolvedPolicy {
  policy: Policy;
  /** The file that decided (relative to the root when inside it), or undefined for the built-in defaults. */
  file?: string;
  /** One line for a summary: which policy decided. */
  describe: string;
}

/**
 * The policy a gate runs under: the file it was given (which must exist), else `.github/trustgate.yml` under the
 * root when present, else the built-in defaults. A present but invalid file is an error, never the defaults.
 */
export async function resolvePolicy(given: string | undefined, root: string): Promise<ResolvedPolicy> {
  const path = given ? resolve(root, given) : join(root, POLICY_PATH);
  if (!given && !existsSync(path)) return { policy: defaultPolicy(), describe: `built-in defaults (no ${POLICY_PATH} in the workspace)` };
  const policy = await loadPolicyFile(path);
  const rel = relative(root, path);
  const file = rel.startsWith('..') ? path : rel;
  return { policy, file, describe: `\`${file}\`${given ? ' (the policy input)' : ''}` };
}
