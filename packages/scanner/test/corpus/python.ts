import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's python3 with the real loaders (never the pyenv `python3` on PATH, which lacks them). */
export const PYTHON = '/usr/bin/python3';

const cache = new Map<string, boolean>();

/**
 * Whether the real loaders are installed. Absent locally: the parity test skips with one line. Absent under
 * CI=true: a failure, since .ci/run installs them (python3-torch, python3-numpy, python3-sklearn, python3-joblib,
 * python3-jinja2).
 */
export function havePython(modules: readonly string[]): boolean {
  const key = modules.join(',');
  const known = cache.get(key);
  if (known !== undefined) return known;
  const ok =
    existsSync(PYTHON) &&
    spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ') || 'pass'], { stdio: 'ignore' }).status === 0;
  if (!ok && process.env.CI === 'true') throw new Error(`${PYTHON} lacks ${key}; .ci/run must install the Debian packages for them`);
  if (!ok) console.log(`skipped: ${PYTHON} lacks ${key} (apt-get install python3-${modules[0]})`);
  cache.set(key, ok);
  return ok;
}

/** Run a Python script with JSON on stdin; its stdout is JSON. Nothing it reads is ever unpickled. */
export function python<T>(script: string, input: unknown = null): T {
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
