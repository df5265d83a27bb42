import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { decodeWithXzEmbedded } from '../../src/containers/xz.js';
import { decodeXzStream } from '../../src/containers/xz-stream.js';
import { fixture } from '../helpers.js';

// The TypeScript .xz reader gives the bytes Python's lzma (liblzma, joblib's compress='xz') and xz(1) wrote, and
// accepts nothing xz-embedded (which it hands every other stream) would refuse or read otherwise.

const PYTHON = '/usr/bin/python3';
const CAP = 1 << 24;
const DATA = 'b"".join(bytes([i % 251]) * (i % 37) for i in range(9000)) + bytes(i * 7 % 253 for i in range(70000))';

function pythonXz(expr: string, check: string): { data: Buffer; xz: Uint8Array } {
  const code = `import lzma,sys; d=${expr}; sys.stdout.buffer.write(len(d).to_bytes(8,"little")+d+lzma.compress(d, format=lzma.FORMAT_XZ, check=lzma.${check}))`;
  const out = execFileSync(PYTHON, ['-c', code], { maxBuffer: 1 << 26 });
  const n = Number(out.readBigUInt64LE(0));
  return { data: out.subarray(8, 8 + n), xz: new Uint8Array(out.subarray(8 + n)) };
}

describe('decodeXzStream', () => {
  it.each([
    ['b""', 'CHECK_CRC64'],
    [DATA, 'CHECK_CRC64'],
    [DATA, 'CHECK_CRC32'],
    [DATA, 'CHECK_NONE'],
  ])('decodes Python lzma.compress(%s, check=%s) to the same bytes', (expr, check) => {
    const { data, xz } = pythonXz(expr, check);
    expect(Buffer.from(decodeXzStream(xz, CAP) ?? [0xff])).toEqual(data);
  });

  it.each([[['--block-size=10000']], [['-9e']], [['--check=crc32', '--block-size=5000']]])(
    'decodes xz %j (sizes in the block headers)',
    (args) => {
      const { data } = pythonXz(DATA, 'CHECK_NONE');
      const xz = new Uint8Array(execFileSync('xz', ['-c', '-T1', ...args], { input: data }));
      expect(Buffer.from(decodeXzStream(xz, CAP) ?? [0xff])).toEqual(data);
    },
  );

  it('leaves SHA-256 checks, other filters, concatenated or padded streams, truncation and the cap to xz-embedded', () => {
    const { data, xz } = pythonXz(DATA, 'CHECK_CRC64');
    expect(decodeXzStream(pythonXz(DATA, 'CHECK_SHA256').xz, CAP)).toBeUndefined();
    expect(decodeXzStream(new Uint8Array(execFileSync('xz', ['-c', '--x86', '--lzma2'], { input: data })), CAP)).toBeUndefined();
    expect(decodeXzStream(new Uint8Array([...xz, ...xz]), CAP)).toBeUndefined();
    expect(decodeXzStream(new Uint8Array([...xz, 0, 0, 0, 0]), CAP)).toBeUndefined();
    expect(decodeXzStream(xz, data.length - 1)).toBeUndefined();
    for (let n = 0; n < xz.length; n += 9) expect(decodeXzStream(xz.subarray(0, n), CAP)).toBeUndefined();
  });

  it('never accepts a bit flip xz-embedded decodes otherwise or refuses', async () => {
    for (const f of ['bypass/evil.pkl.xz', 'benign/arrays.joblib.xz']) {
      const src = fixture(f);
      expect(Buffer.from(decodeXzStream(src, CAP) ?? [])).toEqual(Buffer.from(await decodeWithXzEmbedded(src, CAP)));
      for (let i = 0; i < src.length; i++)
        for (const x of [0x01, 0x80]) {
          const b = src.slice();
          b[i] = (b[i] as number) ^ x;
          const direct = decodeXzStream(b, CAP);
          if (direct) expect(Buffer.from(await decodeWithXzEmbedded(b, CAP))).toEqual(Buffer.from(direct));
        }
    }
  });
});
