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

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<ExitCode>;
}
