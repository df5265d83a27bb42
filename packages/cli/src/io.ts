import type { CommandSpec, Parsed } from './spec.js';

/** Everything a command may touch outside its arguments; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress display only then, never in CI logs). */
  isTTY: boolean;
}

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, blocked: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A command's runner: its spec (parsed before it runs) and what it does with the parsed values. */
export interface Command<S extends CommandSpec = CommandSpec> {
  spec: S;
  run(parsed: Parsed<S>, io: CliIO): Promise<ExitCode>;
}

export function defineCommand<S extends CommandSpec>(spec: S, run: (parsed: Parsed<S>, io: CliIO) => Promise<ExitCode>): Command<S> {
  return { spec, run };
}
