// The CLI's bundle, which packages/cli/bin/trustgate.js runs when it is present and fresh (bin/entry.js).
// scripts/build.mjs runs this after tsc -b; `node scripts/bundle-cli.mjs` alone rebuilds just the bundle.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The CLI's entry and the scan command with the scanner, in one CommonJS file (index.cjs), so a one-file scan reads
 * a few files instead of ~120 modules. CommonJS, because bin/entry.js runs it as a vm.Script whose V8 code cache
 * it writes after a run, with every function that run compiled; Node's own compile cache of an ES module holds only
 * what was compiled before the module ran, so each start compiled the scan path again (~12 ms). The scanner's worker
 * is an ES module bundle beside it, as worker.js, and its hashing thread as digest-worker.js, where scan.js looks
 * for them. esbuild rather than ncc: a bundle's imports of what it leaves outside are hoisted and loaded on every
 * start, and esbuild lets each be placed:
 * - the other commands stay tsc's output, imported when run (they reach metrics, verify and app, which find files
 *   beside their own modules);
 * - @trustgate/core is inlined, and those import their own copy: its TrustgateError is recognised across copies;
 * - packages from node_modules and Node's own modules are required where they are used (the format analysers that
 *   need protobufjs, jsfive, yaml, zlib, ... load on first use); 7z-wasm loads its own files.
 * Inside the bundle, esbuild's lazy module wrappers mean a module's top level runs when it is first needed.
 */
// The first line of the CommonJS bundle (strict, as the ES modules it is made of): its own URL, and its dynamic
// imports: Node's modules required (an import() of one builds an ES module facade through the loader, ~3 ms), the
// rest through the import entry.js passes in, or Node's own when the bundle is required as any CommonJS module.
const BANNER =
  '"use strict"; ' +
  "const __bundleUrl = require('node:url').pathToFileURL(__filename).href; " +
  "const __import = (specifier) => specifier.startsWith('node:') ? Promise.resolve().then(() => require(specifier)) : " +
  "typeof __trustgateImport === 'function' ? __trustgateImport(specifier) : import(specifier);\n";
const DYNAMIC_IMPORT = /(?<![\w$.])import\(/;

export async function bundleCli(root) {
  const out = join(root, 'packages/cli/dist/bundle');
  const commands = join(root, 'packages/cli/dist/commands/');
  const bundled = new Set(['index.js', 'scan.js', 'scan-extras.js'].map((f) => join(commands, f)));
  const inline = /^(@trustgate\/(core|cli|scanner|gate|attribution)|picomatch)(\/|$)/;
  const outside = /^7z-wasm(\/|$)/;
  const placedImports = (format) => ({
    name: 'placed-imports',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path, kind, namespace }) => {
        if (inline.test(path)) return undefined;
        // CommonJS output requires an outside package in the lazy initialiser of the module importing it; an ES
        // module bundle would hoist its import to the start, so there it goes through a require of its own.
        if (format === 'cjs' || outside.test(path) || kind === 'dynamic-import' || namespace === 'required-when-used')
          return { path, external: true };
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
  });
  const common = {
    absWorkingDir: root,
    outdir: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    metafile: true,
  };
  rmSync(out, { recursive: true, force: true });
  const cliOptions = {
    ...common,
    entryPoints: { index: 'packages/cli/dist/main.js' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    plugins: [placedImports('cjs')],
    // The modules' import.meta.url (scan.js finds its workers by it) is the bundle's own.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: BANNER },
    write: false,
  };
  const cli = await build(cliOptions);
  const [index] = cli.outputFiles;
  // A vm.Script runs dynamic imports only through a loader Node calls experimental (a warning on stderr), so the
  // bundle's go through the __import that entry.js passes in. esbuild says where they are: where it may not emit
  // import() at all, every `import(` left is text of a string or comment, which the rewrite must not touch.
  const check = await build({ ...cliOptions, supported: { 'dynamic-import': false }, metafile: false });
  const body = (text) => text.slice(BANNER.length);
  if (DYNAMIC_IMPORT.test(body(check.outputFiles[0].text)))
    throw new Error('the CLI bundle has `import(` in a string or comment: rewrite its dynamic imports another way');
  mkdirSync(out, { recursive: true });
  writeFileSync(index.path, BANNER + body(index.text).replace(new RegExp(DYNAMIC_IMPORT, 'g'), '__import('));
  const workers = await build({
    ...common,
    entryPoints: {
      worker: 'packages/scanner/dist/worker.js',
      'digest-worker': 'packages/scanner/dist/digest-worker.js',
    },
    format: 'esm',
    plugins: [placedImports('esm')],
    // The packages required at run time, and CommonJS code inside the bundle, use Node's require from here.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  });
  const outputs = { ...cli.metafile.outputs, ...workers.metafile.outputs };
  // Which files each output holds (absolute paths, as in the actions' webpack stats), for scripts/bundle-sbom.mjs.
  const stats = Object.fromEntries(
    Object.entries(outputs).map(([file, o]) => [file, { inputs: Object.keys(o.inputs).map((i) => join(root, i)) }]),
  );
  writeFileSync(join(root, 'packages/cli/dist/bundle-stats.json'), `${JSON.stringify({ outputs: stats }, null, 1)}\n`);
  return outputs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outputs = await bundleCli(new URL('..', import.meta.url).pathname);
  for (const [file, o] of Object.entries(outputs)) console.log(`${file}: ${(o.bytes / 1024).toFixed(0)} KiB`);
}
