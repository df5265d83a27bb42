import module from 'node:module';

// Required, not imported: an ES import of node:fs builds a facade of all its exports, and reading them loads the
// stream modules (~8 ms) that a scan of a small file never uses.
const require = module.createRequire(import.meta.url);
const { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

/**
 * What bin/trustgate.js runs: the bundle `npm run build` writes (scripts/bundle-cli.mjs: one CommonJS file instead
 * of ~120 modules), unless it is missing or a package was compiled after it (`tsc -b` alone, in the checkout): then
 * tsc's dist/main.js, so a stale bundle never runs. `cli` is the CLI package's directory.
 */
export function cliEntry(cli = fileURLToPath(new URL('..', import.meta.url))) {
  const bundle = join(cli, 'dist/bundle/index.cjs');
  const compiled = join(cli, 'dist/main.js');
  const built = mtime(bundle);
  if (built === undefined) return { file: compiled, bundled: false };
  const packages = join(cli, '..');
  const newest = Math.max(
    0,
    ...[join(packages, '../app'), ...readdirSync(packages).map((p) => join(packages, p))].map(
      (p) => mtime(join(p, 'tsconfig.tsbuildinfo')) ?? 0,
    ),
  );
  return newest > built ? { file: compiled, bundled: false } : { file: bundle, bundled: true };
}

/** FNV-1a of a path: cache files of different checkouts do not overwrite each other. */
function pathTag(path) {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The exports of the CommonJS bundle `file`, run as a vm.Script with a V8 code cache kept in `cacheDir` (a directory
 * of this user's own: bin/trustgate.js checks it). The cache is written after a run that had none, or whose cache
 * V8 rejected (another Node, other flags), so it holds every function that run compiled: the next start of the same
 * command (`label`) compiles almost nothing. A cache names the bundle it was made from (size, mtime, ctime, inode),
 * since V8 checks only the source's length. Without a cache directory, the bundle is required as any CommonJS module.
 */
export function loadBundle(file, cacheDir, label) {
  if (cacheDir === undefined) return require(file);
  const st = statSync(file);
  const key = Buffer.from(`trustgate bundle cache 1 ${process.version} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino}\n`);
  const cacheFile = join(cacheDir, `bundle-${pathTag(file)}-${label}.v8`);
  let cachedData;
  try {
    const data = readFileSync(cacheFile);
    if (data.length > key.length && data.subarray(0, key.length).equals(key)) cachedData = data.subarray(key.length);
  } catch {}
  // The wrapper CommonJS gives a module, on the source's first line so stack traces keep their line numbers, and
  // the bundle's dynamic imports (scripts/bundle-cli.mjs), resolved as from the bundle: relative ones against its
  // URL, packages from the same node_modules directories (this file and the bundle share their parents).
  const source = `(function (exports, require, module, __filename, __dirname, __trustgateImport) {${readFileSync(file, 'utf8')}\n})`;
  const script = new (require('node:vm').Script)(source, { filename: file, cachedData });
  const url = pathToFileURL(file);
  const dynamicImport = (specifier) => import(/^\.\.?\//.test(specifier) ? new URL(specifier, url).href : specifier);
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, module.createRequire(file), mod, file, dirname(file), dynamicImport);
  if (cachedData === undefined || script.cachedDataRejected)
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, Buffer.concat([key, script.createCachedData()]), { mode: 0o600 });
        renameSync(temp, cacheFile);
      } catch {
        try {
          unlinkSync(temp);
        } catch {}
      }
    });
  return mod.exports;
}
