import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntry } from '../../packages/cli/bin/entry.js';

// Jest's global setup: says once, one line each, which suites skip for want of something outside the checkout and
// how to provide it. Under CI=true a missing one is a failure instead (CI has everything).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sigstoreData = process.env.TRUSTGATE_SIGSTORE_DATA ?? path.resolve(repoRoot, '../shared/sigstore');
const REQUIREMENTS = [
  {
    missing: () => !existsSync(path.join(sigstoreData, 'README.md')),
    line: `Sigstore test data not found at ${sigstoreData}: the conformance, model-signing and gh-attestation suites skip (set TRUSTGATE_SIGSTORE_DATA to a copy of it; see README "Tests")`,
  },
  {
    missing: () => !process.env.DATABASE_URL_TEST,
    line: 'DATABASE_URL_TEST is not set: the PostgreSQL runs of the store and App tests skip (PGlite runs; set it to a server tests may create databases on)',
  },
  {
    missing: () => !['packages/cli/dist/main.js', 'app/dist/index.js'].every((f) => existsSync(path.join(repoRoot, f))),
    line: 'packages/cli/dist or app/dist missing: the tests that spawn the built CLI skip (npm test builds first; or run npm run build)',
  },
  {
    // The spawned CLI runs tsc's output instead of the bundle when the bundle is missing or older than a compile.
    missing: () => existsSync(path.join(repoRoot, 'packages/cli/dist/main.js')) && !cliEntry().bundled,
    line: 'packages/cli/dist/bundle missing or older than the last tsc -b: the tests that spawn the CLI run tsc output, not the bundle users get (run npm run build)',
  },
  {
    missing: () => spawnSync('zsh', ['--version']).status !== 0,
    line: 'zsh not found: the zsh completion test skips (apt-get install zsh)',
  },
];

export default function globalSetup() {
  const lines = REQUIREMENTS.filter((r) => r.missing()).map((r) => r.line);
  if (lines.length === 0) return;
  if (process.env.CI === 'true') throw new Error(`under CI=true nothing may be skipped:\n${lines.join('\n')}`);
  process.stderr.write(`\n${lines.map((l) => `skipping: ${l}`).join('\n')}\n`);
}
