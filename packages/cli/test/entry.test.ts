import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { cliEntry } from '../bin/entry.js';

/** What bin/trustgate.js runs, in a checkout laid out like this one: packages/cli beside the other packages, app beside. */
const root = mkdtempSync(join(tmpdir(), 'trustgate-entry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cli = join(root, 'packages/cli');
const at = (file: string, seconds: number) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), '');
  utimesSync(join(root, file), seconds, seconds);
};
at('packages/cli/dist/main.js', 100);

describe('cliEntry', () => {
  test('no bundle: tsc output', () => {
    expect(cliEntry(cli)).toEqual({ file: join(cli, 'dist/main.js'), bundled: false });
  });
  test('a bundle built after every compile: the bundle', () => {
    at('packages/core/tsconfig.tsbuildinfo', 100);
    at('app/tsconfig.tsbuildinfo', 100);
    at('packages/cli/dist/bundle/index.cjs', 200);
    expect(cliEntry(cli)).toEqual({ file: join(cli, 'dist/bundle/index.cjs'), bundled: true });
  });
  test.each(['packages/core', 'app'])('%s compiled after the bundle: tsc output, never the stale bundle', (dir) => {
    at(`${dir}/tsconfig.tsbuildinfo`, 300);
    expect(cliEntry(cli)).toEqual({ file: join(cli, 'dist/main.js'), bundled: false });
    at(`${dir}/tsconfig.tsbuildinfo`, 100);
  });
});

/**
 * loadBundle in a process of its own (its cache is written at exit): a CommonJS bundle that imports a file beside
 * it and one of Node's modules the way the CLI's bundle does (its banner: entry.js's import, else Node's own).
 */
describe('loadBundle', () => {
  const dir = join(root, 'load');
  const cache = join(dir, 'cache');
  mkdirSync(cache, { recursive: true });
  const bundle = join(dir, 'index.cjs');
  writeFileSync(join(dir, 'beside.mjs'), 'export const value = 42;\n');
  const write = (text: string) =>
    writeFileSync(
      bundle,
      "const __import = typeof __trustgateImport === 'function' ? __trustgateImport : (s) => import(s);\n" +
        `exports.run = async () => [${text}, (await __import('./beside.mjs')).value, require('node:path').basename(__filename), typeof __trustgateImport].join(' ');\n`,
    );
  const run = (cacheDir: string | undefined) => {
    const code = `const { loadBundle } = await import(${JSON.stringify(pathToFileURL(join(import.meta.dirname, '../bin/entry.js')).href)});
process.stdout.write(await loadBundle(${JSON.stringify(bundle)}, ${cacheDir === undefined ? 'undefined' : JSON.stringify(cacheDir)}, 'scan').run());`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cached = () => readdirSync(cache).map((f) => ({ name: f, bytes: readFileSync(join(cache, f)) }));

  test('runs the bundle and writes its code cache, named for the bundle, after the first run', () => {
    write("'first'");
    expect(run(cache)).toEqual({ code: 0, stdout: 'first 42 index.cjs function', stderr: '' });
    const [file, ...more] = cached();
    expect(more).toEqual([]);
    expect(file?.name).toMatch(/^bundle-[0-9a-f]{8}-scan\.v8$/);
    expect(file?.bytes.subarray(0, 48).toString()).toMatch(/^trustgate bundle cache 1 v\d+\.\d+\.\d+ \d+ /);
  });
  test('a cache V8 accepts is used and kept as it is', () => {
    const before = cached();
    expect(run(cache)).toEqual({ code: 0, stdout: 'first 42 index.cjs function', stderr: '' });
    expect(cached()).toEqual(before);
  });
  test('a cache V8 rejects (damaged) costs only itself: the run is the same and the cache is written again', () => {
    const [file] = cached();
    const header = (file?.bytes ?? Buffer.alloc(0)).subarray(0, (file?.bytes ?? Buffer.alloc(0)).indexOf(10) + 1);
    const damaged = Buffer.concat([header, Buffer.alloc(4096, 7)]);
    writeFileSync(join(cache, file?.name ?? ''), damaged);
    expect(run(cache)).toEqual({ code: 0, stdout: 'first 42 index.cjs function', stderr: '' });
    expect(cached()[0]?.bytes.equals(damaged)).toBe(false);
    expect(cached()[0]?.bytes.subarray(0, header.length)).toEqual(header);
  });
  test("a rebuilt bundle never runs the old one's cache", () => {
    const before = cached();
    write("'second, longer'");
    utimesSync(bundle, 500, 500);
    expect(run(cache)).toEqual({ code: 0, stdout: 'second, longer 42 index.cjs function', stderr: '' });
    expect(cached().map((f) => f.name)).toEqual(before.map((f) => f.name));
    expect(cached()[0]?.bytes.equals(before[0]?.bytes ?? Buffer.alloc(0))).toBe(false);
  });
  test("without a cache directory the bundle is required as CommonJS, its imports Node's own", () => {
    expect(run(undefined)).toEqual({ code: 0, stdout: 'second, longer 42 index.cjs undefined', stderr: '' });
  });
});
