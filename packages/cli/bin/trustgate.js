#!/usr/bin/env node
import module from 'node:module';
import { cliEntry } from './entry.js';

// Required, not imported, for the reason in entry.js.
const require = module.createRequire(import.meta.url);
const { lstatSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

/**
 * V8's compiled code kept between runs (Node >= 22.1): in a directory of this user's own that nobody else can
 * write, since cached code is run as is. Anything wrong with it only costs the cache, never the run.
 */
function compileCache() {
  if (!module.enableCompileCache || process.env.NODE_COMPILE_CACHE !== undefined) return;
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `trustgate-compile-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {}
  try {
    const st = lstatSync(dir);
    if (st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0) module.enableCompileCache(dir);
  } catch {}
}

/**
 * `trust-tax backfill --git` streams a whole history through the embedded store. With V8's default young
 * generation (16 MB semispaces) the garbage of parsing `git log` and of each batch's query parameters held the
 * peak resident memory about 115 MB above what 1 MB semispaces give, for about 5 % more time; the flag only acts
 * at start-up, so the command runs again with it. Null when this process should run the command itself.
 */
function smallYoungGeneration(args) {
  const git = args.some((a) => a === '--git' || a.startsWith('--git='));
  if (args[0] !== 'trust-tax' || args[1] !== 'backfill' || !git) return null;
  if (process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return null;
  const { spawnSync } = require('node:child_process');
  const run = spawnSync(process.execPath, [...process.execArgv, '--max-semi-space-size=1', process.argv[1], ...args], {
    stdio: 'inherit',
  });
  if (run.error) {
    process.stderr.write(`trustgate trust-tax backfill: cannot start ${process.execPath}: ${run.error.message} (code IO_ERROR)\n`);
    return 2;
  }
  return run.status ?? 2;
}

compileCache();
const again = smallYoungGeneration(process.argv.slice(2));
if (again !== null) process.exitCode = again;
else {
  const { main } = await import(pathToFileURL(cliEntry().file).href);
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  });
}
