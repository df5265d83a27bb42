// Writes packages/gate/schema/promotion-policy.schema.json from the zod schema of the `promotion:` section
// (run after `npm run build`; a test fails when the committed file is stale).
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { promotionPolicySchema } from '../../core/dist/index.js';

const schema = z.toJSONSchema(promotionPolicySchema, { io: 'input', unrepresentable: 'any' });
const out = new URL('../schema/promotion-policy.schema.json', import.meta.url);
await writeFile(out, `${JSON.stringify({ $id: 'https://trustgate.dev/schema/promotion-policy.json', ...schema }, null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
