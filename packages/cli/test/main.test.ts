import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { type CliIO, main } from '@trustgate/cli';
import { TRUSTGATE_VERSION } from '@trustgate/core';

function io(): CliIO & { out: string; err: string } {
  const r = {
    out: '',
    err: '',
    stdout: (s: string) => {
      r.out += s;
    },
    stderr: (s: string) => {
      r.err += s;
    },
    cwd: process.cwd(),
    env: {},
    isTTY: false,
  };
  return r;
}

describe('trustgate CLI', () => {
  it('prints its version', async () => {
    const x = io();
    expect(await main(['--version'], x)).toBe(0);
    expect(x.out).toBe(`${TRUSTGATE_VERSION}\n`);
  });

  it('lists every command of the contract in --help', async () => {
    const x = io();
    expect(await main(['--help'], x)).toBe(0);
    for (const c of ['scan', 'verify-bundle', 'verify-model', 'verify-attestation', 'gate', 'tag', 'trust-tax', 'serve']) {
      expect(x.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });

  it('exits 2 on an unknown command, naming it', async () => {
    const x = io();
    expect(await main(['scna'], x)).toBe(2);
    expect(x.err).toBe(`trustgate: unknown command "scna" (code USAGE_ERROR); run 'trustgate --help' for the list.\n`);
  });

  it('exits 2 with usage when run without a command', async () => {
    const x = io();
    expect(await main([], x)).toBe(2);
    expect(x.out).toContain('Usage: trustgate <command>');
  });

  it('runs as a process from the built bin', () => {
    const bin = join(import.meta.dirname, '../bin/trustgate.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`${TRUSTGATE_VERSION}\n`);
    expect(spawnSync(process.execPath, [bin, 'nope']).status).toBe(2);
  });
});
