import { aiTagGate } from './ai-tag.js';
import { modelScanGate } from './model-scan.js';
import { promotionGateGate } from './promotion-gate.js';
import type { GateDescription } from './types.js';
import { verifySignatureGate } from './verify-signature.js';

export { ATTEST_ACTION } from './promotion-gate.js';
export { attestInput, errorCodeOutput, expression, policyInput, tokenInput, trustedRootInput } from './shared.js';
export type { GateDescription, GateInput, GateOutput } from './types.js';
export { aiTagGate, modelScanGate, promotionGateGate, verifySignatureGate };

/** Every gate, in the order the root action lists them. */
export const GATE_DESCRIPTIONS: readonly GateDescription[] = [modelScanGate, verifySignatureGate, promotionGateGate, aiTagGate];
