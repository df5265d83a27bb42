// Write every action.yml from the gate descriptions (run by `npm run build` after tsc -b, before the bundles).
// `--check` only compares and exits 1 when a committed action.yml differs from its description.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifests } from './action-manifests.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const stale = [];
for (const [file, content] of Object.entries(manifests())) {
  const path = join(root, file);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current === content) continue;
  stale.push(file);
  if (!check) writeFileSync(path, content);
}
if (check && stale.length > 0) {
  console.error(`stale action.yml (run npm run build): ${stale.join(', ')}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `wrote ${stale.join(', ')}` : 'action.yml files are up to date');
