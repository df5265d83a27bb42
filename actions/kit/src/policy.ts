import { type GateDescription, type ResolvedPolicy, resolvePolicy } from '@trustgate/core';
import type { ActionIO } from './io.js';

/** The policy a gate runs under: the `policy` input, else the workspace's .github/trustgate.yml, else defaults. */
export function gatePolicy(io: ActionIO): Promise<ResolvedPolicy> {
  return resolvePolicy(io.input('policy') || undefined, io.workspace);
}

/**
 * The summary line saying which policy decided and which of its settings the workflow overrode: an input overrides
 * the policy only when the workflow set it (policy-backed inputs have no default, so empty means not set).
 */
export function decidedBy(io: ActionIO, gate: GateDescription, policy: ResolvedPolicy): string {
  const overridden = gate.inputs.filter((i) => i.overrides && io.input(i.name) !== '').map((i) => `\`${i.name}\` (over ${i.overrides})`);
  return `Policy: ${policy.describe}${overridden.length ? `; set by the workflow: ${overridden.join(', ')}` : ''}.`;
}

/**
 * A GitHub write the token may not make (403: a fork's pull request runs with a read-only token) becomes a warning
 * naming the permission and the way to get it; the gate's verdict stands. Any other failure is thrown on.
 */
export async function writeOrWarn(io: ActionIO, what: string, permission: string, write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if ((err as { status?: number }).status !== 403) throw err;
    io.warning(
      `trustgate: could not ${what}: GitHub refused it (403) because the token lacks ${permission}. Pull requests from forks get a read-only token; grant "permissions: ${permission}" to the job, or run this step on pull_request_target (it runs the base branch's workflow with a write token; never check out and run the fork's code there). The verdict above stands.`,
    );
    return false;
  }
}
