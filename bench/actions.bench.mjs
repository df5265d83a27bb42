// The model-scan action against the CLI on the same checkout: 10,000 files (1% models) committed to git, the action's
// bundle run as its composite step runs it (INPUT_* env, GITHUB_* files, the node on PATH), the CLI writing the same
// JSON report. Three alternating rounds; medians; the ratio is action / CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;
const fixtures = join(repo, 'packages/scanner/test/fixtures');
const TOTAL = 10_000;
const MODELS = 100;

function checkout() {
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-actions-'));
  const models = ['benign/state_dict.pt', 'benign/arrays.joblib', 'benign/array.npy', 'benign/dict_p4.pkl', 'benign/arrays.npz'];
  for (let i = 0; i < TOTAL; i++) {
    const pkg = `packages/pkg-${i % 40}`;
    const file =
      i < MODELS
        ? `${pkg}/models/m${i}.${models[i % models.length].split('.').pop()}`
        : `${pkg}/src/f${i}.${['ts', 'py', 'md', 'json'][i % 4]}`;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    if (i < MODELS) copyFileSync(join(fixtures, models[i % models.length]), join(dir, file));
    else writeFileSync(join(dir, file), `// file ${i}\nexport const v${i} = ${i};\n`);
  }
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@e' };
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-qm', 'bench'], { cwd: dir, env });
  return dir;
}

function action(dir, node) {
  const temp = mkdtempSync(join(tmpdir(), 'tg-bench-runner-'));
  for (const f of ['output', 'summary']) writeFileSync(join(temp, f), '');
  const t = process.hrtime.bigint();
  const r = spawnSync(node, [join(repo, 'actions/model-scan/dist/index.js')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(temp, 'output'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary'),
      RUNNER_TEMP: temp,
      INPUT_PATH: '.',
      INPUT_SARIF: 'trustgate-model-scan.sarif',
      'INPUT_INCLUDE-VCS': 'false',
    },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  rmSync(temp, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`model-scan action failed: ${r.stdout}${r.stderr}`);
  return ms;
}

function cli(dir) {
  const t = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [join(repo, 'packages/cli/bin/trustgate.js'), 'scan', '.', '--format', 'json', '--out', join(dir, 'report.json')],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`trustgate scan failed: ${r.stdout}${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function () {
  const dir = checkout();
  const imageNode = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
  const runs = { a20: [], a24: [], cli: [] };
  for (let round = 0; round < 3; round++) {
    runs.cli.push(cli(dir));
    runs.a20.push(action(dir, imageNode));
    runs.a24.push(action(dir, process.execPath));
  }
  rmSync(dir, { recursive: true, force: true });
  const c = median(runs.cli);
  const version = (n) => execFileSync(n, ['--version'], { encoding: 'utf8' }).trim();
  return [
    {
      case: `model-scan action, ${TOTAL} files (1% models), runner's node ${version(imageNode)}`,
      'wall ms': median(runs.a20).toFixed(0),
      peer: `CLI ${c.toFixed(0)} ms`,
      ratio: `${(median(runs.a20) / c).toFixed(2)}x`,
    },
    {
      case: `model-scan action, same checkout, node ${version(process.execPath)}`,
      'wall ms': median(runs.a24).toFixed(0),
      peer: `CLI ${c.toFixed(0)} ms`,
      ratio: `${(median(runs.a24) / c).toFixed(2)}x`,
    },
  ];
}
