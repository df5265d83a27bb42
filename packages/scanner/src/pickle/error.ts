import { RULES, type ScannerRule } from '../rules.js';

/**
 * The unpickler would reject the stream here (or a limit was hit); `rule` says which. It becomes a finding (message
 * and offset), never a stack trace, and reading past a pickle's end meets one in most files: no stack is captured.
 */
export class PickleError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly rule: ScannerRule = RULES.parseError,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
