import { describe, expect, test } from '@jest/globals';
import { bundledTrustedRoot, loadTrustedRoots } from '@trustgate/verify';
import { createLocalSigstore } from '../../../test/support/sigstore-signer.js';

const { trustedRoot } = await createLocalSigstore();

describe('trusted roots', () => {
  test('the bundled public-good snapshot loads and warns once stale', () => {
    expect(bundledTrustedRoot(new Date()).roots[0]?.tlogs.length).toBeGreaterThan(0);
    expect(bundledTrustedRoot(new Date('2099-01-01')).warnings[0]).toMatch(/days ago/);
  });
  test.each(['tlogs', 'ctlogs'] as const)('a %s entry without a validity start is rejected', (field) => {
    const root = structuredClone(trustedRoot) as Record<string, Array<{ publicKey: { validFor?: unknown } }>>;
    delete (root[field] as Array<{ publicKey: { validFor?: unknown } }>)[0]?.publicKey.validFor;
    expect(() => loadTrustedRoots(root, 'root.json')).toThrow(
      expect.objectContaining({ code: 'TRUSTED_ROOT_INVALID', message: expect.stringContaining(`${field}[0]`) }),
    );
  });
  test('a CA without a validity start is rejected', () => {
    const root = structuredClone(trustedRoot) as { certificateAuthorities: Array<{ validFor?: unknown }> };
    root.certificateAuthorities[0] = { ...root.certificateAuthorities[0], validFor: {} };
    expect(() => loadTrustedRoots(root)).toThrow(expect.objectContaining({ code: 'TRUSTED_ROOT_INVALID' }));
  });
  test('JSON Lines of roots load as several', () => {
    const text = `${JSON.stringify(trustedRoot)}\n${JSON.stringify(trustedRoot)}\n`;
    expect(loadTrustedRoots(text).roots).toHaveLength(2);
    expect(() => loadTrustedRoots('{oops', 'r.json')).toThrow(expect.objectContaining({ code: 'TRUSTED_ROOT_INVALID' }));
  });
});
