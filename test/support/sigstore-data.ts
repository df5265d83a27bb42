import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, from this file's place (test/support/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared Sigstore test data (../shared/sigstore, or $TRUSTGATE_SIGSTORE_DATA). Absent: tests skip with a message,
 * except under CI=true, where absence is a failure.
 */
export function sigstoreData(): string | undefined {
  const dir = process.env.TRUSTGATE_SIGSTORE_DATA ?? path.resolve(repoRoot, '../shared/sigstore');
  if (existsSync(path.join(dir, 'README.md'))) return dir;
  if (process.env.CI === 'true') throw new Error(`Sigstore test data not found at ${dir}; set TRUSTGATE_SIGSTORE_DATA`);
  console.warn(`skipping: Sigstore test data not found at ${dir} (set TRUSTGATE_SIGSTORE_DATA to run these tests)`);
  return undefined;
}
