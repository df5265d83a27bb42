import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '@trustgate/core';
import { findModelReferences, findReferences } from '../../src/sources/index.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/sources/repo');

describe('model-source policy', () => {
  it('finds loader calls, URLs and hf:// URIs with their lines', () => {
    const text =
      'x = 1\nm = AutoModel.from_pretrained(\n  "org/name")\nhf_hub_download("a/b", "f")\nsee https://huggingface.co/c/d/blob/main/README.md and hf://e/f';
    expect(findReferences(text).map((r) => [r.via, r.id, r.line])).toEqual([
      ['from_pretrained', 'org/name', 2],
      ['hf_hub_download', 'a/b', 4],
      ['url', 'c/d', 5],
      ['hf://', 'e/f', 5],
    ]);
  });

  it('reads references inside notebook cells (JSON-escaped quotes)', () => {
    const cell = JSON.stringify(
      { cells: [{ source: ['from transformers import pipeline\n', 'p = pipeline("ner", model="org/ner-model")\n'] }] },
      null,
      1,
    );
    expect(findReferences(cell).map((r) => [r.via, r.id])).toEqual([['pipeline', 'org/ner-model']]);
    expect(findReferences('AutoModel.from_pretrained(\\"org/x\\")').map((r) => r.id)).toEqual(['org/x']);
  });

  it('reports every reference outside the allowlist, with file and line; blocked ones are critical', async () => {
    const policy = defaultPolicy().scan;
    policy.sources = {
      allow: ['acme-corp/*', 'meta-llama/Llama-3.1-8B', 'models.internal.example.com', 'distilbert-base-uncased'],
      block: ['evil-org/*'],
    };
    const results = await findModelReferences(REPO, policy);
    const rows = results.flatMap((r) =>
      r.findings.map((f) => [f.location?.path.slice(REPO.length + 1), f.location?.line, f.rule, f.evidence]),
    );
    expect(rows).toEqual([
      ['configs/serve.yaml', 2, 'TG-SRC-001', 'random-user/unvetted-llm'],
      ['loader.js', 1, 'TG-SRC-002', 'evil-org/backdoored'],
      ['train.py', 5, 'TG-SRC-001', 'random-user/unvetted-llm'],
      ['train.py', 8, 'TG-SRC-002', 'evil-org/backdoored'],
    ]);
    expect(results.map((r) => r.verdict)).toEqual(['unsafe', 'unsafe', 'unsafe']);
  });

  it('with no allowlist, every external model is reported', async () => {
    const results = await findModelReferences(REPO, defaultPolicy().scan);
    expect(results.flatMap((r) => r.findings).length).toBe(8);
  });
});
