import { readFile } from 'node:fs/promises';
import { describe, expect, test } from '@jest/globals';
import { promotionPolicySchema } from '@trustgate/core';
import { z } from 'zod';

describe('committed JSON Schema of the promotion policy', () => {
  test('matches the zod schema (regenerate with node packages/gate/scripts/schema.mjs)', async () => {
    const committed = JSON.parse(await readFile(new URL('../schema/promotion-policy.schema.json', import.meta.url), 'utf8'));
    const current = z.toJSONSchema(promotionPolicySchema, { io: 'input', unrepresentable: 'any' });
    expect(committed).toEqual({ $id: 'https://trustgate.dev/schema/promotion-policy.json', ...current });
  });
});
