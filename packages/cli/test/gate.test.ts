import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { checkStatement, PREDICATE_TYPES } from '@trustgate/core';
import { createKit, SUBJECT, writeGateFiles } from '../../gate/test/support/evidence-kit.js';
import { runCli } from '../../../test/support/cli.js';

let dir: string;
let files: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trustgate-gate-cli-'));
  const { write: _write, ...written } = await writeGateFiles(await createKit(), dir);
  files = written;
});

const args = (...evidence: string[]) => [
  'gate',
  '--policy',
  files.policy as string,
  '--environment',
  'staging',
  '--subject',
  `sha256:${SUBJECT}`,
  '--trusted-root',
  files.root as string,
  '--evidence',
  ...evidence,
];

describe('trustgate gate', () => {
  test('passes with exit 0, writes the decision Statement', async () => {
    const statement = join(dir, 'decision.intoto.json');
    const r = await runCli([
      ...args(files.scan as string, files.provenance as string, files.tests as string),
      '--format',
      'json',
      '--statement',
      statement,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'pass', environment: 'staging', subject: { digest: `sha256:${SUBJECT}` } });
    const written = checkStatement(JSON.parse(await readFile(statement, 'utf8')));
    expect(written.ok && written.statement.predicateType).toBe(PREDICATE_TYPES.vsa);
  });

  test('fails with exit 1 and explains in Markdown; --dry-run exits 0', async () => {
    const evidence = [files.scan as string, files.provenance as string, files.failing as string];
    const r = await runCli(args(...evidence));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('### trustgate gate: ⛔ fail');
    expect(r.stdout).toContain('| tests | ⛔ failed | eval: 2 failed (result failed) |');
    const dry = await runCli([...args(...evidence), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('⛔ fail (dry run)');
  });

  test('an unknown environment, a missing file or a bad digest exits 2 with its code', async () => {
    const unknown = await runCli([...args(files.scan as string)].map((a) => (a === 'staging' ? 'prod' : a)));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /environment "prod" is not in .*trustgate\.yml \(promotion\.environments has staging, production\).*\(code ENVIRONMENT_UNKNOWN\)/,
    );
    const missing = await runCli(args(join(dir, 'nope.json')));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(code EVIDENCE_UNREADABLE)');
    const digest = await runCli(args(files.scan as string).map((a) => (a.startsWith('sha256:') ? 'sha256:abc' : a)));
    expect(digest.code).toBe(2);
    expect(digest.stderr).toContain('(code SUBJECT_INVALID)');
  });
});
