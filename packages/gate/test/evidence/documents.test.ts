import { describe, expect, test } from '@jest/globals';
import { documentsFromText, type RawEvidence, verifyEvidence } from '@trustgate/gate';
import fc from 'fast-check';

const noSigners = { evidence: [], signature: [], provenance: [] };
const refuse = async () => {
  throw new Error('not signed by an accepted signer');
};

describe('reading evidence documents', () => {
  test('JSON, JSON Lines and API responses become one document per bundle, with line origins', () => {
    const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' };
    expect(documentsFromText(JSON.stringify(bundle), 'a.json').map((d) => d.origin)).toEqual(['a.json']);
    expect(documentsFromText(`${JSON.stringify(bundle)}\n\n${JSON.stringify(bundle)}\n`, 'b.jsonl').map((d) => d.origin)).toEqual([
      'b.jsonl:1',
      'b.jsonl:3',
    ]);
    const api = {
      attestations: [
        { bundle, repository_id: 1 },
        { bundle, repository_id: 2 },
      ],
    };
    expect(documentsFromText(JSON.stringify(api), 'c.json').map((d) => d.origin)).toEqual([
      'c.json#attestations[0]',
      'c.json#attestations[1]',
    ]);
  });

  test('text that is not JSON is a malformed document, reported with its line', async () => {
    const docs = documentsFromText('{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json"}\nnot json\n', 'd.jsonl');
    const { items, ignored } = await verifyEvidence(docs, noSigners, refuse);
    expect(items).toEqual([]);
    expect(ignored.map((i) => [i.origin, i.kind])).toEqual([
      ['d.jsonl:1', 'unverifiable'],
      ['d.jsonl:2', 'malformed'],
    ]);
  });

  test('no input, however malformed, throws or counts (attacker-controlled documents)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), async (text) => {
        const docs: RawEvidence[] = documentsFromText(text, 'fuzz.json');
        const signers = {
          evidence: [{ identity: 'x', issuer: 'https://issuer.example', runnerEnvironment: 'any' as const }],
          signature: [],
          provenance: [],
        };
        const { items, ignored } = await verifyEvidence(docs, signers, refuse);
        expect(items).toEqual([]);
        expect(ignored.length).toBe(docs.length);
      }),
      { numRuns: 300 },
    );
  });
});
