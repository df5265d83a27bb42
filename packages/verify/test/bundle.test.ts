import { describe, expect, test } from '@jest/globals';
import { parseBundle, parseBundles } from '@trustgate/verify';
import { createLocalSigstore } from '../../../test/support/sigstore-signer.js';

const sigstore = await createLocalSigstore();
const bundle = await sigstore.signBlob(Buffer.from('x'), { identity: 'a@b.c', issuer: 'https://issuer.example' });

describe('bundle loading (attacker-controlled input)', () => {
  test('one bundle, JSON Lines, {"bundle"} wrappers and the attestations API answer', () => {
    expect(parseBundles(JSON.stringify(bundle))).toHaveLength(1);
    expect(parseBundles(`${JSON.stringify(bundle)}\n${JSON.stringify({ bundle })}\n`)).toHaveLength(2);
    expect(parseBundles(JSON.stringify({ attestations: [{ bundle }, { bundle }, { bundle }] }))).toHaveLength(3);
  });
  test.each([
    ['not JSON', '{"mediaType": '],
    ['an array', '[1, 2]'],
    ['an unknown media type', JSON.stringify({ ...bundle, mediaType: 'application/vnd.dev.sigstore.bundle+json;version=9' })],
    ['no verification material', JSON.stringify({ mediaType: bundle.mediaType, messageSignature: bundle.messageSignature })],
  ])('%s is BUNDLE_INVALID', (_name, text) => {
    expect(() => parseBundle(text, 'b.json')).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID', file: 'b.json' }));
  });
  test('an empty file is BUNDLE_INVALID', () => {
    expect(() => parseBundles('  \n')).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID' }));
  });
});
