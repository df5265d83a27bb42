export { type ActionIO, type GateOutcome, runAction, runnerIO } from './io.js';
