// Dependencies point one way: cli/actions/app -> gate/verify/scanner/attribution/metrics -> core.
// Fails if packages/* imports @actions/* or probot, or if core imports a sibling.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? process.argv[rootArg + 1] : new URL('..', import.meta.url).pathname;
const FORBIDDEN_IN_PACKAGES = [/^@actions\//, /^probot$/, /^probot\//, /^@trustgate\/(app|action-)/, /^@trustgate\/cli$/];
const ENGINE = ['scanner', 'verify', 'gate', 'attribution', 'metrics'];
// Allowed engine-to-engine edges (gate consumes verify results, metrics consumes attribution cohorts).
const ALLOWED = {
  gate: ['core', 'verify'],
  metrics: ['core', 'attribution'],
  verify: ['core'],
  scanner: ['core'],
  attribution: ['core'],
  core: [],
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|js|mjs)$/.test(name)) yield p;
  }
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];
for (const pkg of ['core', ...ENGINE]) {
  const dir = join(root, 'packages', pkg, 'src');
  if (!existsSync(dir)) continue;
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const where = relative(root, file);
      if (FORBIDDEN_IN_PACKAGES.some((re) => re.test(spec)))
        problems.push(`${where}: imports ${spec}; packages/ must not depend on actions, the App or the CLI`);
      const sib = /^@trustgate\/([a-z-]+)$/.exec(spec)?.[1];
      if (sib && !ALLOWED[pkg].includes(sib))
        problems.push(
          `${where}: imports @trustgate/${sib}; packages/${pkg} may import only ${ALLOWED[pkg].map((s) => `@trustgate/${s}`).join(', ') || 'nothing from trustgate'}`,
        );
    }
  }
}
if (problems.length > 0) {
  console.error(`dependency direction violated (code BOUNDARY_ERROR):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('dependency direction: ok');
