import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, from this file's place (test/support/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the public Sigstore test data is looked for: $TRUSTGATE_SIGSTORE_DATA, else ../shared/sigstore. */
export function sigstoreDataDir(): string {
  return process.env.TRUSTGATE_SIGSTORE_DATA ?? path.resolve(repoRoot, '../shared/sigstore');
}

/**
 * The shared Sigstore test data, or undefined when it is absent (the suites that need it then skip; the one line
 * saying so is printed once per run by test/support/global-setup.mjs). Under CI=true absence is a failure.
 */
export function sigstoreData(): string | undefined {
  const dir = sigstoreDataDir();
  if (existsSync(path.join(dir, 'README.md'))) return dir;
  if (process.env.CI === 'true') throw new Error(`Sigstore test data not found at ${dir}; set TRUSTGATE_SIGSTORE_DATA`);
  return undefined;
}
