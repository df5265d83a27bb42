import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parsePolicy } from '@trustgate/core';
import { runCli } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'trustgate-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trustgate init', () => {
  test('writes a commented .github/trustgate.yml that the loader accepts', async () => {
    const r = await runCli(['init'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^wrote \.github\/trustgate\.yml/);
    const text = readFileSync(join(dir, '.github/trustgate.yml'), 'utf8');
    expect(text.split('\n').filter((l) => l.trim().startsWith('#')).length).toBeGreaterThan(10);
    const policy = parsePolicy(text, '.github/trustgate.yml');
    expect(policy.scan.failOn).toEqual(['unsafe', 'error']);
  });

  test('refuses to overwrite without --force, and keeps the file as it was', async () => {
    const file = join(dir, '.github/trustgate.yml');
    writeFileSync(file, 'version: 1 # mine\n');
    const r = await runCli(['init'], { cwd: dir });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'trustgate init: .github/trustgate.yml already exists; keep it, or pass --force to overwrite it (code FILE_EXISTS)\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('version: 1 # mine\n');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('failOn: [unsafe, error]');
  });

  test('--out elsewhere, creating the directory', async () => {
    expect((await runCli(['init', '--out', 'org/.github/trustgate.yml'], { cwd: dir })).code).toBe(0);
    expect(() => parsePolicy(readFileSync(join(dir, 'org/.github/trustgate.yml'), 'utf8'), 'x')).not.toThrow();
  });
});
