import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { decodeWithSeekBzip } from '../../src/containers/bzip2.js';
import { decodeBzip2Streams } from '../../src/containers/bzip2-decoder.js';
import { fixture } from '../helpers.js';

// The TypeScript bzip2 decoder gives the bytes Python's bz2 (libbz2, the loader joblib uses) wrote, and accepts
// nothing seek-bzip (which it hands every other stream) would refuse or read otherwise.

const PYTHON = '/usr/bin/python3';
const CAP = 1 << 24;

/** `streams` compressed by Python's bz2 at `level` and concatenated, with the data they hold. */
function pythonBz2(streams: string[], level: number): { data: Buffer; bz: Uint8Array } {
  const code = `import bz2,sys; ds=[${streams.join(',')}]; d=b"".join(ds); sys.stdout.buffer.write(len(d).to_bytes(8,"little")+d+b"".join(bz2.compress(x, ${level}) for x in ds))`;
  const out = execFileSync(PYTHON, ['-c', code], { maxBuffer: 1 << 26 });
  const n = Number(out.readBigUInt64LE(0));
  return { data: out.subarray(8, 8 + n), bz: new Uint8Array(out.subarray(8 + n)) };
}

describe('decodeBzip2Streams', () => {
  it.each([
    [['b""'], 9],
    [['b"hello world " * 20000'], 1],
    [['bytes(i * 7 % 253 for i in range(250000))'], 9],
    [['b"a" * 300000 + b"b" * 3 + b"c" * 4 + b"d" * 5 + b"e" * 260 + b"f" * 255'], 1],
    [['b"".join(bytes([i % 251]) * (i % 37) for i in range(9000))'], 9],
    [['b"first stream " * 100', 'b"second" * 1000', 'b""'], 9],
  ])('decodes Python bz2.compress(%s) at level %d to the same bytes', (streams, level) => {
    const { data, bz } = pythonBz2(streams, level);
    expect(Buffer.from(decodeBzip2Streams(bz, CAP) ?? [0xff])).toEqual(data);
  });

  it('leaves streams past the cap, truncated or followed by other bytes to seek-bzip', () => {
    const { data, bz } = pythonBz2(['b"hello world " * 20000'], 9);
    expect(decodeBzip2Streams(bz, data.length - 1)).toBeUndefined();
    for (let n = 0; n < bz.length; n += 5) expect(decodeBzip2Streams(bz.subarray(0, n), CAP)).toBeUndefined();
    expect(decodeBzip2Streams(new Uint8Array([...bz, 0]), CAP)).toBeUndefined();
    expect(() => decodeWithSeekBzip(new Uint8Array([...bz, 0]), CAP)).toThrow();
  });

  it('never accepts a bit flip seek-bzip decodes otherwise or refuses', () => {
    for (const f of ['bypass/evil.pkl.bz2', 'benign/arrays.joblib.bz2']) {
      const src = fixture(f);
      expect(Buffer.from(decodeBzip2Streams(src, CAP) ?? [])).toEqual(Buffer.from(decodeWithSeekBzip(src, CAP)));
      for (let i = 0; i < src.length; i++)
        for (const x of [0x01, 0x10, 0x80]) {
          const b = src.slice();
          b[i] = (b[i] as number) ^ x;
          const direct = decodeBzip2Streams(b, CAP);
          if (direct) expect([f, i, x, Buffer.from(decodeWithSeekBzip(b, CAP)).equals(Buffer.from(direct))]).toEqual([f, i, x, true]);
        }
    }
  });
});
