import { RULES, type ScannerRule } from '../rules.js';

/** The unpickler would reject the stream here (or a limit was hit); `rule` says which. */
export class PickleError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly rule: ScannerRule = RULES.parseError,
  ) {
    super(message);
  }
}
