// Type-check and emit every package (tsc -b), then bundle each action's emitted JavaScript with ncc.
// ncc bundles what tsc emitted because TypeScript 7 has no JS API for ncc's own TypeScript loader.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b'], { cwd: root, stdio: 'inherit' });
// The embedded store's template data directory (packages/metrics/pgdata/), so no first start runs PGlite's initdb.
execFileSync(process.execPath, ['--input-type=module', '-e', "await (await import('@trustgate/metrics')).makeEmbeddedStoreTemplate()"], {
  cwd: root,
  stdio: 'inherit',
});
// Every action.yml comes from the gate descriptions (packages/core/src/gates), so inputs cannot drift.
execFileSync(process.execPath, [join(root, 'scripts/generate-actions.mjs')], { cwd: root, stdio: 'inherit' });

const actions = readdirSync(join(root, 'actions')).filter((d) => existsSync(join(root, 'actions', d, 'action.yml')));
const ncc = join(root, 'node_modules/.bin/ncc');
const run = (dir) =>
  new Promise((resolve, reject) => {
    // ncc never removes chunks an earlier build wrote: start empty, so a chunk no bundle loads cannot stay committed.
    rmSync(join(root, 'actions', dir, 'dist'), { recursive: true, force: true });
    // The webpack stats (gitignored, under lib/) say which packages each bundle inlines: scripts/bundle-sbom.mjs.
    const child = spawn(
      ncc,
      ['build', 'lib/main.js', '-o', 'dist', '--license', 'licenses.txt', '--stats-out', 'lib/ncc-stats.json', '--quiet'],
      {
        cwd: join(root, 'actions', dir),
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for actions/${dir} (exit ${code})`))));
  });
for (let i = 0; i < actions.length; i += 2) await Promise.all(actions.slice(i, i + 2).map(run));
await bundleCli();
// 7-Zip (7z-wasm) cannot run from inside a bundle: bundles that reach it get its UMD build and WebAssembly binary
// beside them, which packages/scanner/src/containers/sevenzip.ts imports at run time.
const sevenZip = join(root, 'node_modules/7z-wasm');
for (const dir of actions) {
  const dist = join(root, 'actions', dir, 'dist');
  if (!readdirSync(dist).some((f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('7zz.umd.cjs'))) continue;
  copyFileSync(join(sevenZip, '7zz.umd.js'), join(dist, '7zz.umd.cjs'));
  copyFileSync(join(sevenZip, '7zz.wasm'), join(dist, '7zz.wasm'));
}
console.log(`built ${actions.length} action bundles (${actions.join(', ')}) and the CLI bundle`);

/**
 * The CLI's bundle (packages/cli/bin/trustgate.js loads it when present): its entry and the scan command with the
 * scanner, in one file, so a one-file scan reads a few files instead of ~120 modules. The scanner's worker is a
 * second bundle beside it, as worker.js, and its hashing thread as digest-worker.js, where scan.js looks for them. esbuild rather than ncc: a bundle's imports of
 * what it leaves outside are hoisted and loaded on every start, and esbuild lets each be placed:
 * - the other commands stay tsc's output, imported when run (they reach metrics, verify and app, which find files
 *   beside their own modules);
 * - @trustgate/core is inlined, and those import their own copy: its TrustgateError is recognised across copies;
 * - packages from node_modules and Node's own modules are required where they are used (the format analysers that
 *   need protobufjs, jsfive, yaml, zlib, ... load on first use), except picomatch, which every walk needs; 7z-wasm
 *   loads its own files.
 */
async function bundleCli() {
  const out = join(root, 'packages/cli/dist/bundle');
  const commands = join(root, 'packages/cli/dist/commands/');
  const bundled = new Set(['index.js', 'scan.js', 'scan-extras.js'].map((f) => join(commands, f)));
  const inline = /^(@trustgate\/(core|cli|scanner|gate|attribution)|picomatch)(\/|$)/;
  const outside = /^7z-wasm(\/|$)/;
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      index: 'packages/cli/dist/main.js',
      worker: 'packages/scanner/dist/worker.js',
      'digest-worker': 'packages/scanner/dist/digest-worker.js',
    },
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The packages required at run time, and CommonJS code inside the bundle, use Node's require from here.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [
      {
        name: 'placed-imports',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, ({ path, kind, namespace }) => {
            if (inline.test(path)) return undefined;
            if (outside.test(path) || kind === 'dynamic-import' || namespace === 'required-when-used') return { path, external: true };
            return { path, namespace: 'required-when-used' };
          });
          b.onLoad({ filter: /.*/, namespace: 'required-when-used' }, ({ path }) => ({
            contents: `module.exports = require(${JSON.stringify(path)});`,
            loader: 'js',
          }));
          b.onResolve({ filter: /^\./ }, ({ path, resolveDir }) => {
            const file = join(resolveDir, path);
            return file.startsWith(commands) && !bundled.has(file)
              ? { path: `../commands/${file.slice(commands.length)}`, external: true }
              : undefined;
          });
        },
      },
    ],
  });
}
