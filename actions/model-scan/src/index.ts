import type { ActionIO, GateOutcome } from '@trustgate/action-kit';
import { CoreError } from '@trustgate/core';

/** The model-scan gate as an action step: inputs -> engine -> outputs, summary, annotations. */
export async function modelScan(_io: ActionIO): Promise<GateOutcome> {
  throw new CoreError('NOT_AVAILABLE', 'the model-scan gate is not available yet in this build; pin an earlier release or remove the step');
}
