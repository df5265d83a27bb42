import { describeError, TRUSTGATE_VERSION, TrustgateError } from '@trustgate/core';
import { COMMANDS } from './commands/index.js';
import { type CliIO, EXIT, type ExitCode } from './io.js';

const HELP = `trustgate ${TRUSTGATE_VERSION}: gates for software and ML pipelines

Usage: trustgate <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(20)}${c.summary}`)
  .join('\n')}

Exit codes: 0 nothing blocks, 1 something blocks, 2 usage, config or I/O error.
Run 'trustgate <command> --help' for a command's options.
`;

export async function main(argv: string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${TRUSTGATE_VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`trustgate: unknown command "${name}" (code USAGE_ERROR); run 'trustgate --help' for the list.\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (err) {
    const { code, message } = describeError(err);
    io.stderr(`trustgate ${name}: ${message} (code ${code})\n`);
    if (!(err instanceof TrustgateError) && io.env.TRUSTGATE_DEBUG) io.stderr(`${(err as Error).stack ?? ''}\n`);
    return EXIT.usage;
  }
}

export type { CliIO, Command, ExitCode } from './io.js';
export { EXIT } from './io.js';
