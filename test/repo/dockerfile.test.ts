import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import picomatch from 'picomatch';
import { cliEntry } from '../../packages/cli/bin/entry.js';
import { cliBuilt } from '../support/cli.js';

/**
 * app/Dockerfile without a Docker engine: the instructions are checked as written (pinned bases, npm ci, a final
 * stage of runtime files only, non-root), the build context is computed from .dockerignore over the repository's
 * files, and the runtime tree the final stage copies is built with the same script and started.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'app/Dockerfile'), 'utf8');

interface Instruction {
  op: string;
  args: string;
}

/** Instructions with continuation lines joined and comments dropped, split into stages at each FROM. */
function stages(text: string): Instruction[][] {
  const joined = text.replace(/\\\n/g, ' ');
  const out: Instruction[][] = [[]];
  for (const line of joined.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const [op = '', ...rest] = line.split(/\s+/);
    const instruction = { op: op.toUpperCase(), args: rest.join(' ') };
    if (instruction.op === 'FROM') out.push([]);
    (out.at(-1) as Instruction[]).push(instruction);
  }
  return out; // out[0]: global ARGs before the first FROM
}

const [globals = [], ...built] = stages(dockerfile);
const args = Object.fromEntries(globals.filter((i) => i.op === 'ARG').map((i) => i.args.split('=') as [string, string]));
const image = (from: Instruction) => (from.args.split(/\s+/)[0] as string).replace(/\$\{(\w+)\}/g, (_, n: string) => args[n] ?? '');
const final = built.at(-1) as Instruction[];
const buildStage = built[0] as Instruction[];

describe('app/Dockerfile as written', () => {
  test('every base image is pinned by digest', () => {
    expect(built.length).toBeGreaterThanOrEqual(2);
    for (const stage of built) expect(image(stage[0] as Instruction)).toMatch(/^[a-z0-9./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
  });
  test('the image runs the CLI bundle: built after the compile, before the build tools are pruned', () => {
    const runs = buildStage.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(buildStage.filter((i) => i.op === 'COPY').map((i) => i.args)).toContain('scripts/bundle-cli.mjs scripts/');
    expect(runs.find((r) => r.includes('bundle-cli'))).toMatch(
      /npx tsc -b packages\/cli && node scripts\/bundle-cli\.mjs && npm prune --omit=dev && sh app\/runtime-files\.sh/,
    );
  });
  test('the build installs exactly the lock (npm ci), never npm install', () => {
    const runs = buildStage.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.filter((r) => /\bnpm (install|i)\b/.test(r))).toEqual([]);
    expect(runs.some((r) => /npm prune --omit=dev/.test(r))).toBe(true);
  });
  test('the final stage takes only the runtime tree from the build, and runs as a non-root user', () => {
    const copies = final.filter((i) => i.op === 'COPY' || i.op === 'ADD');
    expect(copies.map((c) => c.args)).toEqual(['--from=build /runtime/ ./']);
    expect(final.filter((i) => i.op === 'RUN').map((i) => i.args)).toEqual(['mkdir -p /data && chown node:node /data']);
    const user = final.findLast((i) => i.op === 'USER')?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(final.findIndex((i) => i.op === 'USER')).toBeLessThan(final.findIndex((i) => i.op === 'CMD'));
    expect(final.find((i) => i.op === 'CMD')?.args).toBe('["node", "packages/cli/bin/trustgate.js", "serve"]');
  });
});

describe('the build context (.dockerignore over the repository files)', () => {
  const patterns = readFileSync(path.join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  // Docker matches a pattern against the path and, for a directory, everything below it; the last pattern that
  // matches decides, and one starting with ! takes the path back in.
  const rules = patterns.map((p) => {
    const keep = p.startsWith('!');
    const glob = keep ? p.slice(1) : p;
    return { keep, match: picomatch([glob, `${glob}/**`], { dot: true }) };
  });
  const ignored = (file: string) => rules.reduce((out, r) => (r.match(file) ? !r.keep : out), false);
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const context = tracked.filter((f) => !ignored(f));
  test('holds what the build needs', () => {
    for (const f of [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'tsconfig.base.json',
      'app/runtime-files.sh',
      'scripts/bundle-cli.mjs',
    ])
      expect(context).toContain(f);
    for (const dir of ['packages/core/src/', 'packages/cli/bin/', 'packages/metrics/src/store/migrations/', 'app/src/'])
      expect(context.some((f) => f.startsWith(dir))).toBe(true);
    const workspaces: string[] = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
    for (const w of workspaces) expect(context).toContain(`${w}/package.json`);
  });
  test('leaves out tests, docs, examples, built output, VCS data and secrets', () => {
    const leaked = context.filter(
      (f) =>
        /(^|\/)(test|tests|fixtures|node_modules|dist|\.git)\//.test(f) ||
        /^(docs|examples|bench)\//.test(f) ||
        /\.(pem|key)$|(^|\/)\.env/.test(f),
    );
    expect(leaked).toEqual([]);
    expect(context.filter((f) => f.startsWith('scripts/'))).toEqual(['scripts/bundle-cli.mjs']);
    for (const secret of ['.env', 'app/key.pem', 'x/.env.local', 'node_modules/a/index.js', 'packages/core/dist/index.js'])
      expect(ignored(secret)).toBe(true);
  });
});

const work = mkdtempSync(path.join(tmpdir(), 'trustgate-runtime-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

(cliBuilt ? describe : describe.skip)('the runtime tree the final stage copies', () => {
  const tree = path.join(work, 'opt');
  test('holds built code and no sources or tests', () => {
    // Hard links when the temporary directory shares the checkout's file system (fast), a real copy otherwise.
    const copy = (cp: string) => spawnSync('sh', ['app/runtime-files.sh', tree], { cwd: root, env: { ...process.env, COPY: cp } }).status;
    if (copy('cp -al') !== 0) {
      rmSync(tree, { recursive: true, force: true });
      expect(copy('cp -a')).toBe(0);
    }
    const files = readdirSync(tree, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('node_modules'));
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)test(\/|$)/.test(f))).toEqual([]);
    expect(existsSync(path.join(tree, 'node_modules/@trustgate/core/dist/index.js'))).toBe(true);
    expect(readdirSync(path.join(tree, 'node_modules/@trustgate')).filter((n) => n.startsWith('action-'))).toEqual([]);
    // Built as the image builds it (npm run build here): the bin runs the CLI's bundle, since no build info is left.
    if (existsSync(path.join(root, 'packages/cli/dist/bundle/index.cjs')))
      expect(cliEntry(path.join(tree, 'packages/cli'))).toEqual({
        file: path.join(tree, 'packages/cli/dist/bundle/index.cjs'),
        bundled: true,
      });
  });
  test('starts the App from it: the store migrates, then the taken port is reported', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const key = path.join(work, 'app.pem');
    writeFileSync(key, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const env = {
      PATH: process.env.PATH ?? '',
      APP_ID: '1',
      PRIVATE_KEY_PATH: key,
      WEBHOOK_SECRET: 's',
      HOST: '127.0.0.1',
      PORT: String(port),
    };
    const r = spawnSync(process.execPath, ['packages/cli/bin/trustgate.js', 'serve'], {
      cwd: tree,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...env, NODE_ENV: 'production', TRUSTGATE_DATA_DIR: path.join(work, 'data') },
    });
    await new Promise((r) => blocker.close(r));
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr: `trustgate serve: cannot listen on 127.0.0.1:${port}: it is in use; set PORT (and HOST) to a free one (code IO_ERROR)\n`,
    });
    expect(readdirSync(path.join(work, 'data')).length).toBeGreaterThan(0);
  }, 180_000);
});
