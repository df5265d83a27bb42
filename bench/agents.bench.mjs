// Agent governance (`trustgate agents`, the App's architecture review): judge every agent file of a repository,
// in process, on the bundled hostile and benign repositories. A PR-sized set must stay well inside a webhook's time
// budget, and a monorepo's worth must not be what slows a CI job. No peer: the MCP scanners we know of call a
// remote model or service, which this machine cannot reach.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { judgeAgentFiles } from '../packages/attribution/dist/index.js';
import { loadPolicyFile } from '../packages/core/dist/index.js';

const root = new URL('../examples/agents/', import.meta.url).pathname;

function walk(dir, base, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, base, out);
    else out.push({ path: relative(base, p), bytes: new Uint8Array(readFileSync(p)) });
  }
  return out;
}

function time(fn, runs) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    last = fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], last };
}

export default async function () {
  const policy = (await loadPolicyFile(join(root, 'policy.yml'))).agents;
  const repos = ['hostile', 'benign'].flatMap((r) => walk(join(root, 'repos', r), join(root, 'repos', r), []));
  const one = time(() => judgeAgentFiles(repos, policy), 30);
  // A monorepo: the same files under 100 package folders, where agents read nested instruction and MCP files.
  const mono = Array.from({ length: 100 }, (_, i) => repos.map((f) => ({ ...f, path: `packages/p${i}/${f.path}` }))).flat();
  const big = time(() => judgeAgentFiles(mono, policy), 5);
  const rate = big.last.files.length / (big.p50 / 1000);
  return [
    {
      case: `agents: ${one.last.files.length} agent files of the bundled repos (p50 of 30)`,
      'wall ms': one.p50.toFixed(1),
      target: '< 50 ms (inside a webhook budget)',
      ok: one.p50 < 50 ? 'yes' : 'NO',
    },
    {
      case: `agents: ${big.last.files.length.toLocaleString('en-US')} agent files in a 100-package monorepo (p50 of 5)`,
      'wall ms': `${big.p50.toFixed(0)} (${rate.toFixed(0)} files/s)`,
      target: '>= 2,000 files/s',
      ok: rate >= 2000 ? 'yes' : 'NO',
    },
  ];
}
