import { asTrustgateError, TRUSTGATE_VERSION, TrustgateError } from '@trustgate/core/base';
import { checkInputs, closest, parseCommand, resolveSubcommand, usageError, wantsHelp } from './args.js';
import { RUNNERS } from './commands/index.js';
import { helpText, mainHelp } from './help.js';
import { type CliIO, EXIT, type ExitCode } from './io.js';
import type { CommandSpec } from './spec.js';
import { COMMAND_SPECS, helpSpec, versionSpec } from './specs/index.js';

const VERSION_FLAGS = new Set(['--version', '-v', '-V']);

function findCommand(name: string): CommandSpec {
  const spec = COMMAND_SPECS.find((s) => s.name === name);
  if (spec) return spec;
  const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
  const hint = name.startsWith('-')
    ? undefined
    : closest(
        name,
        COMMAND_SPECS.map((s) => s.name),
      );
  throw new TrustgateError('USAGE_ERROR', `${what}${hint ? ` (did you mean "${hint}"?)` : ''}; run 'trustgate --help' for the list`);
}

/** `trustgate help [COMMAND...]`: the named command's help on stdout. */
function help(words: readonly string[], io: CliIO): ExitCode {
  if (words.length === 0) {
    io.stdout(mainHelp(COMMAND_SPECS));
    return EXIT.ok;
  }
  const [first, ...rest] = words as [string, ...string[]];
  const { spec, args } = resolveSubcommand(findCommand(first), rest);
  if (args.length > 0) throw usageError(helpSpec, `"${spec.name}" has no subcommand "${args[0]}"`);
  io.stdout(helpText(spec));
  return EXIT.ok;
}

/** Every failure ends here: one line (or a located list) on stderr, `trustgate <command>: <message> (code C)`, exit 2. */
function fail(err: unknown, label: string, io: CliIO): ExitCode {
  const error = asTrustgateError(err);
  const hint = error.code === 'INTERNAL_ERROR' ? '; this is a bug: rerun with TRUSTGATE_DEBUG=1 and report the stack trace' : '';
  io.stderr(`${label}: ${error.message}${hint} (code ${error.code})\n`);
  if (error.code === 'INTERNAL_ERROR' && io.env.TRUSTGATE_DEBUG) io.stderr(`${(err as Error).stack ?? String(err)}\n`);
  return EXIT.usage;
}

export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(mainHelp(COMMAND_SPECS));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') return help([], io);
  const name = VERSION_FLAGS.has(first) ? versionSpec.name : first;
  let label = 'trustgate';
  try {
    const top = findCommand(name);
    label = `trustgate ${top.name}`;
    const { spec, args } = resolveSubcommand(top, rest);
    label = `trustgate ${spec.name}`;
    if (wantsHelp(args)) {
      io.stdout(helpText(spec));
      return EXIT.ok;
    }
    const parsed = parseCommand(spec, args);
    if (spec === helpSpec) return help(parsed.positionals, io);
    if (spec === versionSpec) {
      io.stdout(`${TRUSTGATE_VERSION}\n`);
      return EXIT.ok;
    }
    await checkInputs(parsed, io.cwd);
    const load = RUNNERS[spec.name];
    if (!load) throw new TrustgateError('NOT_AVAILABLE', `${spec.name} is not available in this build; see trustgate --help`);
    return await (await load()).run(parsed, io);
  } catch (err) {
    return fail(err, label, io);
  }
}

export type { CliIO, Command, ExitCode } from './io.js';
export { EXIT } from './io.js';
