import { EXIT, type Command } from '../io.js';

/** A subcommand of the contract whose engine has not landed yet: say so and exit 2. */
export function notAvailable(name: string, summary: string, usage: string): Command {
  return {
    name,
    summary,
    usage,
    async run(args, io) {
      if (args.includes('--help') || args.includes('-h')) {
        io.stdout(`${usage}\n`);
        return EXIT.ok;
      }
      io.stderr(`trustgate ${name}: not available yet in this build (code NOT_AVAILABLE); track the release notes.\n`);
      return EXIT.usage;
    },
  };
}
