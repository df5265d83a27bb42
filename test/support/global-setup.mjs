import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Jest's global setup: says once, in one line, which data-dependent suites skip and how to run them.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function globalSetup() {
  const dir = process.env.TRUSTGATE_SIGSTORE_DATA ?? path.resolve(repoRoot, '../shared/sigstore');
  if (existsSync(path.join(dir, 'README.md'))) return;
  const line = `Sigstore test data not found at ${dir}: the conformance, model-signing and gh-attestation suites skip (set TRUSTGATE_SIGSTORE_DATA to a copy of it; see README "Tests")`;
  if (process.env.CI === 'true') throw new Error(`${line}; under CI=true that is a failure`);
  process.stderr.write(`\nskipping: ${line}\n`);
}
