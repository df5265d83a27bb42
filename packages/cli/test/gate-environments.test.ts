import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';
import { createKit, POLICY_YAML, SUBJECT, statements } from '../../gate/test/support/evidence-kit.js';

// `trustgate gate` decides environments with the same environmentRule as the App's deployment protection rule.
let dir: string;
let policyFile: string;
let evidence: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trustgate-gate-env-'));
  policyFile = join(dir, 'trustgate.yml');
  await writeFile(policyFile, `${POLICY_YAML}  allowWithoutPolicy: [preview]\n`);
  const kit = await createKit();
  evidence = join(dir, 'scan.json');
  await writeFile(evidence, JSON.stringify((await kit.sign(statements.scan(), 'scan.json')).document));
});

const gate = (environment: string, ...extra: string[]) =>
  runCli(['gate', '--policy', policyFile, '--environment', environment, '--subject', `sha256:${SUBJECT}`, ...extra]);

describe('trustgate gate and promotion.allowWithoutPolicy', () => {
  test('an environment listed there passes ungated with exit 0 and a note that nothing was verified', async () => {
    const statement = join(dir, 'preview.intoto.json');
    const r = await gate('preview', '--evidence', evidence, '--statement', statement);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### trustgate gate: ✅ pass');
    expect(r.stdout).toContain(
      `environment \`preview\` is listed in promotion.allowWithoutPolicy of ${policyFile}; approved without a gate. Nothing was verified.`,
    );
    expect(r.stdout).toContain('| (none) | ✅ ungated | promotion.allowWithoutPolicy |');
    const vsa = JSON.parse(await readFile(statement, 'utf8'));
    expect(vsa.predicate).toMatchObject({ verificationResult: 'PASSED', ungated: true, verifiedLevels: ['SLSA_BUILD_LEVEL_0'] });
    const json = await gate('preview', '--evidence', evidence, '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ decision: 'pass', requirements: [], ungated: expect.any(String) });
    // What the user named is still read: an ungated environment does not make a missing file a pass.
    const missing = await gate('preview', '--evidence', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(code EVIDENCE_UNREADABLE)');
  });

  test('an environment neither gated nor allowed is exit 2 ENVIRONMENT_UNKNOWN, showing both entries to add', async () => {
    const r = await gate('qa', '--evidence', evidence);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('environment "qa" is not in');
    expect(r.stderr).toContain(
      '`promotion: { environments: { qa: { requires: { provenance: { workflows: [OWNER/REPO/.github/workflows/build.yml] } } } } }`',
    );
    expect(r.stderr).toContain('`promotion: { allowWithoutPolicy: [qa] }`');
    expect(r.stderr).toMatch(/\(code ENVIRONMENT_UNKNOWN\)\n$/);
  });

  test('names compare exactly: Preview is not preview', async () => {
    const r = await gate('Preview', '--evidence', evidence);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(code ENVIRONMENT_UNKNOWN)');
  });
});
