import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../../../test/support/cli.js';
import { gitCheckout } from '../../../../test/support/runner/index.js';

// The CLI walks directories with the same selection as the model-scan action (one engine).
describe('trustgate scan: which files', () => {
  const { dir } = gitCheckout({
    'models/a.pt': { fixture: 'benign/state_dict.pt' },
    'third_party/evil.pkl': { fixture: 'malicious/os_system_p4.pkl' },
  });
  const paths = (out: string) => (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);

  it('skips .git and honours --exclude / --include / --fail-on', async () => {
    const all = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(paths(all.stdout)).toEqual(['./models/a.pt', './third_party/evil.pkl']);
    const excluded = await runCli(['scan', '.', '--format', 'json', '--exclude', 'third_party'], { cwd: dir });
    expect([excluded.code, paths(excluded.stdout)]).toEqual([0, ['./models/a.pt']]);
    const included = await runCli(['scan', '.', '--format', 'json', '--include', '**/*.pkl', '--fail-on', 'error'], { cwd: dir });
    expect([included.code, paths(included.stdout)]).toEqual([0, ['./third_party/evil.pkl']]);
    const withGit = await runCli(['scan', '.', '--format', 'json', '--include-vcs', '--fail-on', 'unsafe'], { cwd: dir });
    expect(paths(withGit.stdout).some((p) => p.startsWith('./.git/'))).toBe(true);
    const bad = await runCli(['scan', '.', '--fail-on', 'maybe'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--fail-on: "maybe" is not a verdict')]);
  });

  it('writes SARIF relative to the current directory, for code scanning', async () => {
    const r = await runCli(['scan', '.', '--format', 'sarif'], { cwd: dir });
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.automationDetails).toEqual({ id: 'trustgate/scan/' });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'third_party/evil.pkl', uriBaseId: '%SRCROOT%' });
  });
});
