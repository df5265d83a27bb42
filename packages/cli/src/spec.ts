/**
 * The declarative description of a command: data only (JSON-serialisable, no functions), so the same description
 * drives argument parsing, `--help`, shell completion and generated action inputs. Declare one with
 * `as const satisfies CommandSpec` so the parsed values are typed from it.
 */
export interface CommandSpec {
  /** Full name as typed after `trustgate`, e.g. `scan` or `trust-tax backfill`. */
  readonly name: string;
  /** One line for `trustgate --help` and completion. */
  readonly summary: string;
  /** Paragraphs printed after the usage line. */
  readonly description?: string;
  /** Replaces the generated usage line (after `trustgate <name> `) when options combine in ways a list cannot say. */
  readonly synopsis?: readonly string[];
  readonly positionals?: readonly PositionalSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Subcommands (full specs of their own); the parent runs when the first argument is an option or absent. */
  readonly subcommands?: readonly CommandSpec[];
  /** Printed last, e.g. `Exit codes: 0 ..., 1 ..., 2 ...`. */
  readonly exitCodes?: string;
}

/** What a value names: inputs are checked to be regular files (or directories) before the command runs. */
export type ValueKind = 'file' | 'directory' | 'path' | 'output' | 'text';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** Placeholder in usage, e.g. `F`, `DIR`, `URL`. */
  readonly value?: string;
  readonly short?: string;
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  readonly choices?: readonly string[];
  readonly required?: boolean;
  /** `file`/`directory`/`path` (file or directory) are read; `output` is written; `text` (default) is neither. */
  readonly kind?: ValueKind;
}

export interface PositionalSpec {
  /** Placeholder in usage, e.g. `PATH`. */
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  /** Takes every remaining positional (only the last one may). */
  readonly variadic?: boolean;
  /** A value of the form `sha256:<hex>` is a digest, not a file (verify targets). */
  readonly digest?: boolean;
  readonly choices?: readonly string[];
  readonly kind?: ValueKind;
}

type Choice<O> = O extends { readonly choices: readonly (infer C)[] } ? C : string;
type Single<O> = O extends { readonly type: 'boolean' } ? boolean : Choice<O>;
type OptionValue<O> = O extends { readonly multiple: true } ? Single<O>[] : Single<O>;
type Present<O> = O extends { readonly type: 'boolean' } | { readonly default: unknown } | { readonly required: true } ? true : false;

/** The parsed values of a spec: booleans are always set, strings with a default or `required` too. */
export type ValuesOf<S extends CommandSpec> = {
  -readonly [K in keyof S['options']]: Present<S['options'][K]> extends true
    ? OptionValue<S['options'][K]>
    : OptionValue<S['options'][K]> | undefined;
};

export interface Parsed<S extends CommandSpec = CommandSpec> {
  spec: S;
  values: ValuesOf<S> & { help: boolean };
  positionals: string[];
}
