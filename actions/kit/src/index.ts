export { type ActionIO, type GateOutcome, runAction, runnerIO } from './io.js';
export { decidedBy, gatePolicy, writeOrWarn } from './policy.js';
