import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadPolicyFile, parsePolicy } from '@trustgate/core';

const bomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  'version: 1',
].join('\n');

// Each case: the YAML, and where the refusal must point.
const cases: [string, string | Uint8Array, { line: number; message: RegExp }][] = [
  ['an alias bomb', bomb, { line: 2, message: /alias bomb/ }],
  ['a python tag', 'version: 1\nscan: !!python/object/apply:os.system ["id"]\n', { line: 2, message: /Unresolved tag/ }],
  ['a local tag', 'version: 1\nscan: !evil {}\n', { line: 2, message: /Unresolved tag/ }],
  ['deep flow nesting', `version: 1\nx: ${'['.repeat(200_000)}`, { line: 2, message: /nested over 64 deep/ }],
  [
    'deep block nesting',
    `version: 1\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}`,
    { line: 257, message: /columns deep/ },
  ],
  ['a huge scalar', `version: 1\nx: ${'a'.repeat(200_000)}\n`, { line: 2, message: /over 65536 characters/ }],
  ['a huge file', `version: 1\n${'# padding\n'.repeat(200_000)}`, { line: 1, message: /a policy is/ }],
  [
    'non-UTF-8 bytes',
    Uint8Array.from([...Buffer.from('version: 1\nscan:\n  failOn: [unsafe, '), 0xff, 0xfe, ...Buffer.from(']\n')]),
    { line: 3, message: /not UTF-8/ },
  ],
];

describe('policy YAML under attack is refused before the parser runs unbounded, and located', () => {
  test.each(cases)('%s', async (_name, input, where) => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-yaml-'));
    const file = join(dir, 'trustgate.yml');
    writeFileSync(file, input);
    const err = await loadPolicyFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'CONFIG_YAML_ERROR', file });
    const problem = (err as { problems: { line: number; message: string }[] }).problems[0];
    expect(problem?.line).toBe(where.line);
    expect(problem?.message).toMatch(where.message);
  });

  test('anchors and aliases a real policy uses still work', () => {
    const p = parsePolicy('version: 1\nscan:\n  allowGlobals: &mine [mylab.models.Net]\n  denyGlobals: *mine\n', 'p.yml');
    expect(p.scan.denyGlobals).toEqual(['mylab.models.Net']);
  });
});
