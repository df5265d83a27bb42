// Type-check and emit every package (tsc -b), then bundle each action's emitted JavaScript with ncc.
// ncc bundles what tsc emitted because TypeScript 7 has no JS API for ncc's own TypeScript loader.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from './bundle-cli.mjs';

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
await bundleCli(root);
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
