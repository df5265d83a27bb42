import { describe, expect, it } from '@jest/globals';
import { defaultPolicy, defaultScanPolicy, scanPolicySchema } from '@trustgate/core';

describe('defaultScanPolicy', () => {
  it('is exactly what the schema gives an empty scan section, and what defaultPolicy() holds', () => {
    expect(defaultScanPolicy()).toStrictEqual(scanPolicySchema.parse({}));
    expect(defaultScanPolicy()).toStrictEqual(defaultPolicy().scan);
  });

  it('returns a fresh object each call, so a caller changing it changes no one else', () => {
    const a = defaultScanPolicy();
    a.failOn.push('safe');
    expect(defaultScanPolicy().failOn).toStrictEqual(['unsafe', 'review', 'error']);
  });
});
