import module from 'node:module';

// Required, not imported: an ES import of node:fs builds a facade of all its exports, and reading them loads the
// stream modules (~8 ms) that a scan of a small file never uses.
const require = module.createRequire(import.meta.url);
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { fileURLToPath } = require('node:url');

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

/**
 * What bin/trustgate.js runs: the bundle `npm run build` writes (one file and the chunks its lazy imports split
 * off, instead of ~120 modules), unless it is missing or a package was compiled after it (`tsc -b` alone, in the
 * checkout): then tsc's dist/main.js, so a stale bundle never runs. `cli` is the CLI package's directory.
 */
export function cliEntry(cli = fileURLToPath(new URL('..', import.meta.url))) {
  const bundle = join(cli, 'dist/bundle/index.js');
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
