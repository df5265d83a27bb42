import { describe, expect, test } from '@jest/globals';
import { bufferSource, scanPickles } from '@trustgate/scanner';
import { analyseBytes, policy, rules } from '../helpers.js';

const te = new TextEncoder();
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...te.encode(p)] : p)));
const su = (s: string) => [0x8c, s.length, ...te.encode(s)];
const none = { allow: [], deny: [] };

describe('pickle machine', () => {
  test('resolves STACK_GLOBAL operands fed through the memo', async () => {
    const scan = await scanPickles(
      bufferSource('p', bytes([0x80, 4], su('os'), [0x94], su('system'), [0x94, 0x68, 0, 0x68, 1, 0x93, 0x4e, 0x85, 0x52, 0x2e])),
      { policy: none },
    );
    expect([...scan.globals.keys()]).toEqual(['os.system']);
    expect(scan.failed).toBe(false);
    expect(scan.findings.map((f) => f.rule)).toEqual(['TG-PKL-001']);
  });

  test('a large BINBYTES argument is skipped, not read', async () => {
    const n = 64 << 20;
    // PROTO 3, BINBYTES <n>, n zero bytes, STOP: only the few bytes around the payload may be read.
    const head = [0x80, 3, 0x42, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
    const size = head.length + n + 1;
    let read = 0;
    const src = {
      name: 'big',
      size,
      async read(offset: number, length: number) {
        const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        read += out.length;
        for (let i = 0; i < out.length; i++) {
          const at = offset + i;
          if (at < head.length) out[i] = head[at] as number;
          if (at === size - 1) out[i] = 0x2e;
        }
        return out;
      },
    };
    const scan = await scanPickles(src, { policy: none });
    expect(scan.failed).toBe(false);
    expect(read).toBeLessThan(4 << 20);
  });

  test('an unknown protocol is never safe', async () => {
    expect((await analyseBytes(bytes([0x80, 6, 0x4e, 0x2e]))).verdict).not.toBe('safe');
  });

  test('a truncated stream after a dangerous call is unsafe (partial analysis) and reports both', async () => {
    const a = await analyseBytes(bytes("cos\nsystem\n(S'id'\ntR(S'x"));
    expect([a.verdict, a.findingVerdict, a.completeness]).toEqual(['unsafe', 'unsafe', 'partial']);
    expect(rules(a)).toEqual(['TG-PKL-001', 'TG-PKL-004']);
  });

  test('the opcode limit stops the analysis with an error', async () => {
    const p = policy({ limits: { ...policy().limits, maxOpcodes: 10 } });
    const a = await analyseBytes(bytes([0x80, 2, 0x5d], Array(20).fill(0x4e), [0x2e]), p);
    expect(a.verdict).toBe('error');
    expect(rules(a)).toEqual(['TG-LIM-001']);
  });

  test('nesting deeper than maxDepth is an error', async () => {
    const p = policy({ limits: { ...policy().limits, maxDepth: 0 } });
    const { fixture } = await import('../helpers.js');
    const a = await analyseBytes(fixture('malicious/nested.zip'), p);
    expect(a.verdict).toBe('error');
    expect(rules(a)).toContain('TG-LIM-001');
  });

  test.each([
    ['stack underflow', bytes([0x80, 2, 0x52, 0x2e])],
    ['POP_MARK without MARK', bytes([0x80, 2, 0x31, 0x2e])],
    ['odd DICT', bytes([0x80, 2, 0x28, 0x4e, 0x64, 0x2e])],
    ['new FRAME inside a frame', bytes([0x80, 4, 0x95, 10, 0, 0, 0, 0, 0, 0, 0, 0x95, 1, 0, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e])],
  ])('%s is a parse error', async (_name, b) => {
    const a = await analyseBytes(b);
    expect(a.verdict).toBe('error');
    expect(rules(a)).toContain('TG-PKL-004');
  });
});

describe('decompression budget', () => {
  test('is shared by every member of a file: the member past it is an error', async () => {
    const { fixture } = await import('../helpers.js');
    const ok = await analyseBytes(fixture('benign/three_members.zip'));
    expect(ok.findings.map((f) => f.rule)).not.toContain('TG-LIM-001');
    const p = policy({ limits: { ...policy().limits, maxDecompressedBytes: 700_000 } });
    const a = await analyseBytes(fixture('benign/three_members.zip'), p, 'z.zip');
    expect(a.verdict).toBe('error');
    expect(a.findings.filter((f) => f.rule === 'TG-LIM-001').map((f) => f.location?.path)).toEqual(['z.zip!/m2.bin']);
  });
});
