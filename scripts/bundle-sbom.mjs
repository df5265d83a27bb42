// A CycloneDX 1.6 SBOM of what the bundles inline: each actions/<gate>/dist/index.js and the CLI's bundle files
// (packages/cli/dist/bundle/, by sha256) and the npm packages put into each, with versions and licences, read from
// the stats `npm run build` leaves (ncc's webpack stats in actions/<gate>/lib/ncc-stats.json, esbuild's metafile
// outputs in packages/cli/dist/bundle-stats.json) and each module's own package.json. Deterministic for the same build.
//
//   node scripts/bundle-sbom.mjs [--out FILE]        (default: stdout)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

// The package a bundled file belongs to: the nearest package.json with a name and a version (dist/esm/package.json
// files that only set "type" are skipped).
const owners = new Map();
function packageOf(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (owners.has(dir)) return owners.get(dir);
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!pkg.name || !pkg.version) continue;
    // This repository's own workspaces (@trustgate/*, not published) carry the root's licence.
    const own = pkg.name.startsWith('@trustgate/') && !dir.includes('/node_modules/');
    const license = pkg.license ?? pkg.licenses?.[0]?.type ?? (own ? rootLicense() : undefined);
    const found = { name: pkg.name, version: pkg.version, license, dir };
    owners.set(dir, found);
    return found;
  }
  throw new Error(`${file}: no package.json with a name and version above it`);
}

function modulePaths(modules, out = []) {
  for (const m of modules) {
    if (m.modules) modulePaths(m.modules, out);
    else if (typeof m.nameForCondition === 'string' && m.nameForCondition.startsWith('/')) out.push(m.nameForCondition);
  }
  return out;
}

const rootLicense = () => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).license;
const purl = (p) => `pkg:npm/${p.name.startsWith('@') ? `%40${p.name.slice(1)}` : p.name}@${p.version}`;

function licenses(license) {
  if (!license) return undefined;
  if (/^[A-Za-z0-9.+-]+$/.test(license)) return [{ license: { id: license } }];
  if (/ (OR|AND|WITH) /.test(license) || /^\(.*\)$/.test(license)) return [{ expression: license }];
  return [{ license: { name: license } }];
}

/** The SBOM of every bundle: one component per bundle (with its hash) and per inlined package, and what each holds. */
export function bundleSbom(repository = root) {
  const gates = readdirSync(join(repository, 'actions'))
    .filter((d) => existsSync(join(repository, 'actions', d, 'dist/index.js')))
    .sort();
  const packages = new Map();
  const bundles = [];
  for (const gate of gates) {
    const statsFile = join(repository, 'actions', gate, 'lib/ncc-stats.json');
    if (!existsSync(statsFile)) throw new Error(`${relative(repository, statsFile)} is missing: run npm run build first`);
    const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
    const held = new Set();
    for (const file of modulePaths(stats.modules ?? [])) {
      const p = packageOf(file);
      if (p.name === `@trustgate/action-${gate}` && p.dir === join(repository, 'actions', gate)) continue;
      packages.set(purl(p), p);
      held.add(purl(p));
    }
    const bundle = readFileSync(join(repository, 'actions', gate, 'dist/index.js'));
    bundles.push({ ref: `actions/${gate}/dist/index.js`, sha256: sha256(bundle), held: [...held].sort() });
  }
  // The CLI's bundle (scripts/bundle-cli.mjs): its entry and the scanner's two worker files, each listed the same way.
  const cliStats = join(repository, 'packages/cli/dist/bundle-stats.json');
  if (!existsSync(cliStats)) throw new Error(`${relative(repository, cliStats)} is missing: run npm run build first`);
  const { outputs } = JSON.parse(readFileSync(cliStats, 'utf8'));
  for (const ref of Object.keys(outputs)
    .filter((f) => /\.c?js$/.test(f))
    .sort()) {
    const held = new Set();
    for (const input of outputs[ref].inputs) {
      const p = packageOf(input);
      if (p.name === '@trustgate/cli' && !p.dir.includes('/node_modules/')) continue;
      packages.set(purl(p), p);
      held.add(purl(p));
    }
    bundles.push({ ref, sha256: sha256(readFileSync(join(repository, ref))), held: [...held].sort() });
  }
  const version = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')).version;
  const components = [
    ...bundles.map((b) => ({
      type: 'application',
      'bom-ref': b.ref,
      name: b.ref,
      version,
      hashes: [{ alg: 'SHA-256', content: b.sha256 }],
    })),
    ...[...packages.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([ref, p]) => ({
        type: 'library',
        'bom-ref': ref,
        name: p.name,
        version: p.version,
        purl: ref,
        ...(licenses(p.license) ? { licenses: licenses(p.license) } : {}),
      })),
  ];
  const body = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      component: { type: 'application', 'bom-ref': 'trustgate-actions', name: 'trustgate actions', version },
      tools: { components: [{ type: 'application', name: 'trustgate scripts/bundle-sbom.mjs', version }] },
    },
    components,
    dependencies: [
      { ref: 'trustgate-actions', dependsOn: bundles.map((b) => b.ref) },
      ...bundles.map((b) => ({ ref: b.ref, dependsOn: b.held })),
    ],
  };
  // The serial number is derived from the content, so the same bundles give the same document.
  const h = sha256(JSON.stringify(body));
  const serialNumber = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { bomFormat: body.bomFormat, specVersion: body.specVersion, serialNumber, ...body };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  const text = `${JSON.stringify(bundleSbom(), null, 2)}\n`;
  if (i > 0 && process.argv[i + 1]) writeFileSync(process.argv[i + 1], text);
  else process.stdout.write(text);
}
