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

compileCache();
const { main } = await import(pathToFileURL(cliEntry().file).href);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
});
