import type { ActionIO, GateOutcome } from '@trustgate/action-kit';
import { CoreError } from '@trustgate/core';

/** The ai-tag gate as an action step: inputs -> engine -> outputs, summary, annotations. */
export async function aiTag(_io: ActionIO): Promise<GateOutcome> {
  throw new CoreError('NOT_AVAILABLE', 'the ai-tag gate is not available yet in this build; pin an earlier release or remove the step');
}
