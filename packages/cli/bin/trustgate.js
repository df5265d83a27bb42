#!/usr/bin/env node
import module from 'node:module';
import { cliEntry, loadBundle } from './entry.js';

// Required, not imported, for the reason in entry.js.
const require = module.createRequire(import.meta.url);
const { fstatSync, lstatSync, mkdirSync, writeSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

/**
 * V8's compiled code kept between runs: Node's compile cache for ES modules (Node >= 22.1), and the bundle's own
 * (entry.js), in a directory of this user's own that nobody else can write, since cached code is run as is. Anything
 * wrong with it only costs the cache, never the run. Returns the directory when it is usable.
 */
function compileCache() {
  if (!module.enableCompileCache || process.env.NODE_COMPILE_CACHE !== undefined) return undefined;
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `trustgate-compile-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {}
  try {
    const st = lstatSync(dir);
    if (st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0) {
      module.enableCompileCache(dir);
      return dir;
    }
  } catch {}
  return undefined;
}

/**
 * Output written to the descriptor directly (on POSIX, where process.stdout and stderr write synchronously too):
 * creating either stream loads Node's stream modules (~4 ms of a one-file scan). Whatever a direct write cannot do
 * (a non-blocking pipe that is full, a closed reader) is handed, with the rest of the output, to the stream as before.
 */
function writer(fd, stream) {
  let direct = process.platform !== 'win32';
  return (text) => {
    if (direct) {
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return;
      } catch {
        direct = false;
        stream().write(bytes.subarray(done));
        return;
      }
    }
    stream().write(text);
  };
}

/**
 * Whether stderr is a terminal, asked of process.stderr (the stream modules again) only when it may be one: a
 * descriptor that is no character device, or is one of Linux's memory devices (/dev/null: major 1), is not.
 */
function stderrIsTTY() {
  try {
    const st = fstatSync(2);
    if (!st.isCharacterDevice() || (process.platform === 'linux' && Math.floor(st.rdev / 256) % 4096 === 1)) return false;
  } catch {}
  return Boolean(process.stderr.isTTY);
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

const cacheDir = compileCache();
const again = smallYoungGeneration(process.argv.slice(2));
if (again !== null) process.exit(again);
const entry = cliEntry();
// A cache per kind of run: the first run after a build decides what a cache holds, and scans are the common start.
const { main } = entry.bundled
  ? loadBundle(entry.file, cacheDir, process.argv[2] === 'scan' ? 'scan' : 'other')
  : await import(pathToFileURL(entry.file).href);

let isTTY;
process.exitCode = await main(process.argv.slice(2), {
  stdout: writer(1, () => process.stdout),
  stderr: writer(2, () => process.stderr),
  cwd: process.cwd(),
  env: process.env,
  // Asked when a command needs it (scan, for its progress display), not on every start.
  get isTTY() {
    isTTY ??= stderrIsTTY();
    return isTTY;
  },
});
