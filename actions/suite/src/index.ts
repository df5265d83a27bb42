import type { ActionIO, GateOutcome } from '@trustgate/action-kit';
import { aiTag } from '@trustgate/action-ai-tag';
import { modelScan } from '@trustgate/action-model-scan';
import { promotionGate } from '@trustgate/action-promotion-gate';
import { verifySignature } from '@trustgate/action-verify-signature';
import { CoreError, describeError } from '@trustgate/core';

export const GATES: Record<string, (io: ActionIO) => Promise<GateOutcome>> = {
  'model-scan': modelScan,
  'verify-signature': verifySignature,
  'promotion-gate': promotionGate,
  'ai-tag': aiTag,
};

/**
 * The root action: run the gates named in `gates`, in order, in one step, each with its own inputs (the root action
 * declares every gate's inputs and outputs). Every named gate runs; the step fails if any gate blocks or fails.
 */
export async function suite(io: ActionIO): Promise<GateOutcome> {
  const names = io.listInput('gates');
  if (names.length === 0)
    throw new CoreError('USAGE_ERROR', `input "gates" is empty; name one or more of ${Object.keys(GATES).join(', ')}`);
  const unknown = names.filter((n) => !GATES[n]);
  if (unknown.length > 0)
    throw new CoreError('USAGE_ERROR', `input "gates" names unknown gate "${unknown[0]}"; use one of ${Object.keys(GATES).join(', ')}`);
  const failures: string[] = [];
  for (const name of names) {
    const gate = GATES[name] as (io: ActionIO) => Promise<GateOutcome>;
    try {
      const outcome = await gate(io);
      if (outcome.failed) failures.push(`${name}: ${outcome.reason ?? 'blocked'}`);
    } catch (err) {
      // One gate that cannot run does not hide the others' verdicts; its code is the step's error-code.
      const { code, message } = describeError(err);
      io.output('error-code', code);
      failures.push(`${name}: ${message} (code ${code})`);
    }
  }
  return failures.length > 0 ? { failed: true, reason: failures.join('; ') } : { failed: false };
}
