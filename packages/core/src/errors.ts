/**
 * Every failure trustgate reports carries a stable `code` that callers switch on; the message is for humans
 * and says what happened, to which file, and what to do.
 */
export type CoreErrorCode =
  | 'USAGE_ERROR'
  | 'IO_ERROR'
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_YAML_ERROR'
  | 'CONFIG_SCHEMA_ERROR'
  | 'DIGEST_INVALID'
  | 'NOT_AVAILABLE'
  | 'NOT_REGULAR_FILE'
  | 'NOT_A_DIRECTORY'
  | 'NETWORK_ERROR'
  | 'GITHUB_API_ERROR'
  | 'FILE_EXISTS';

// The CLI's bundle carries its own copy of this module while the commands outside it import this package's: an
// error thrown by either copy must be a TrustgateError to both, so the base class is recognised by a shared brand.
const BRAND = Symbol.for('trustgate.TrustgateError');

export class TrustgateError<C extends string = string> extends Error {
  readonly code: C;
  /** The file the error is about, when there is one. */
  readonly file?: string;

  constructor(code: C, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TrustgateError';
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
  }
}
Object.defineProperty(TrustgateError.prototype, BRAND, { value: true });
// Subclasses keep the plain prototype check; the base class accepts any copy's errors by the brand.
Object.defineProperty(TrustgateError, Symbol.hasInstance, {
  value(this: abstract new (...args: never[]) => unknown, value: unknown): boolean {
    if (this !== TrustgateError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && BRAND in value;
  },
});

export class CoreError extends TrustgateError<CoreErrorCode> {
  constructor(code: CoreErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'CoreError';
  }
}

/** A config problem located in a file: `file:line:column: message`. */
export class ConfigError extends TrustgateError<'CONFIG_YAML_ERROR' | 'CONFIG_SCHEMA_ERROR' | 'CONFIG_NOT_FOUND'> {
  readonly line: number;
  readonly column: number;
  readonly key?: string;
  readonly problems: readonly ConfigProblem[];

  constructor(
    code: 'CONFIG_YAML_ERROR' | 'CONFIG_SCHEMA_ERROR' | 'CONFIG_NOT_FOUND',
    file: string,
    problems: readonly ConfigProblem[],
    options: { cause?: unknown } = {},
  ) {
    const first = problems[0] ?? { line: 1, column: 1, message: 'invalid configuration' };
    const text = problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n');
    super(code, text, { ...options, file });
    this.name = 'ConfigError';
    this.line = first.line;
    this.column = first.column;
    if (first.key !== undefined) this.key = first.key;
    this.problems = problems;
  }
}

export interface ConfigProblem {
  line: number;
  column: number;
  /** Dotted path of the offending key, e.g. `scan.failOn[1]`. */
  key?: string;
  message: string;
}
