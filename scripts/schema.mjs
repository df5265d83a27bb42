// Writes schema/trustgate.schema.json from the zod policy schema (the one source of truth), so editors complete
// .github/trustgate.yml. `--check` fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { policySchema } from '../packages/core/dist/index.js';

const out = new URL('../schema/trustgate.schema.json', import.meta.url);
const schema = {
  ...z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }),
  $id: 'https://trustgate.dev/schema/trustgate.schema.json',
  title: 'trustgate policy (.github/trustgate.yml)',
};
const text = `${JSON.stringify(schema, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('schema/trustgate.schema.json is stale (code SCHEMA_STALE); run `npm run schema` and commit it');
    process.exit(1);
  }
  console.log('schema/trustgate.schema.json: up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out.pathname}`);
}
