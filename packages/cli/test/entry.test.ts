import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
    at('packages/cli/dist/bundle/index.js', 200);
    expect(cliEntry(cli)).toEqual({ file: join(cli, 'dist/bundle/index.js'), bundled: true });
  });
  test.each(['packages/core', 'app'])('%s compiled after the bundle: tsc output, never the stale bundle', (dir) => {
    at(`${dir}/tsconfig.tsbuildinfo`, 300);
    expect(cliEntry(cli)).toEqual({ file: join(cli, 'dist/main.js'), bundled: false });
    at(`${dir}/tsconfig.tsbuildinfo`, 100);
  });
});
