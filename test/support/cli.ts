import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '@trustgate/cli';

/** Run the trustgate CLI in-process and capture what it prints. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/**
 * The built CLI for tests that spawn it; absent in `npm run test:only` before a build (global-setup says so once).
 * After `npm run build` it runs the bundle users get; after a later `tsc -b` alone, tsc's output (bin/entry.js).
 */
export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/bin/trustgate.js', import.meta.url));
export const cliBuilt = existsSync(fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url)));
