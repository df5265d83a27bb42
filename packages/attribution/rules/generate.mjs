// Regenerates src/markers/builtin-rules.ts from rules/markers.json, so the rules ship inside the bundles
// (ncc and tsc do not copy a JSON file from outside src/). A test fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const json = JSON.parse(readFileSync(new URL('markers.json', here), 'utf8'));
export const generated = `// Generated from rules/markers.json by rules/generate.mjs; edit the JSON and rerun \`node packages/attribution/rules/generate.mjs\`.
import type { MarkerRulesFile } from './rules.js';

export const BUILTIN_RULES_FILE: MarkerRulesFile = ${JSON.stringify(json, null, 2)};
`;
if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(new URL('../src/markers/builtin-rules.ts', here), generated);
  console.log(`wrote src/markers/builtin-rules.ts (${json.rules.length} rules, version ${json.version})`);
}
