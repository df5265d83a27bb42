// CLI start-up: `trustgate --version` must stay well under 300 ms.
import { execFileSync } from 'node:child_process';

export default async function () {
  const bin = new URL('../packages/cli/bin/trustgate.js', import.meta.url).pathname;
  execFileSync(process.execPath, [bin, '--version']);
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [bin, '--version']);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const p50 = times[5];
  return [{ case: 'trustgate --version (p50 of 10)', 'wall ms': p50.toFixed(1), target: '< 300 ms', ok: p50 < 300 ? 'yes' : 'NO' }];
}
