import { pino, type Logger } from 'pino';

/**
 * The App's log: one JSON object per line, with unique keys. Pino child loggers append their bindings, so Probot's
 * `name: probot` -> `name: octokit` children repeat `"name"` on every line; re-serialising keeps the innermost one
 * (JSON.parse keeps the last duplicate), which log collectors would otherwise pick arbitrarily.
 */
export function appLog(level: string, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return pino(
    { level, name: 'trustgate', messageKey: 'msg' },
    {
      write(line: string) {
        write(`${JSON.stringify(JSON.parse(line))}\n`);
      },
    },
  );
}
