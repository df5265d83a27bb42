import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { decodeLzma2, decodeLzmaAloneStream } from '../../src/containers/lzma.js';
import { decodeLzmaAloneWith7Zip, readWith7Zip, type SevenZipMember } from '../../src/containers/sevenzip.js';
import { readSevenZipDirectly } from '../../src/containers/sevenzip-reader.js';
import { fixture } from '../helpers.js';

// The TypeScript 7z reader and LZMA decoder answer only where 7-Zip (the WebAssembly build the scanner falls back
// to) gives the same members and bytes: checked on archives 7-Zip writes with each method it offers, and on every
// bit flip of their headers with the CRCs made right again, so the parser (not the CRC) meets each one.

interface Emscripten7z {
  FS: { mkdir(p: string): void; writeFile(p: string, d: Uint8Array): void; readFile(p: string): Uint8Array; chdir(p: string): void };
  callMain(args: string[]): number | undefined;
}
const require = createRequire(import.meta.url);
const SevenZip = require('7z-wasm') as (o: object) => Promise<Emscripten7z>;
const PYTHON = '/usr/bin/python3';
const CAP = 1 << 22;

type Entry = [name: string, data: Uint8Array | 'dir'];

/** An archive written by 7-Zip itself from `entries`, with `switches` (methods, header compression, ...). */
async function sevenZipArchive(entries: Entry[], switches: string[]): Promise<Uint8Array> {
  const sz = await SevenZip({ print: () => {}, printErr: () => {} });
  sz.FS.mkdir('/src');
  for (const [name, data] of entries) {
    const parts = name.split('/');
    for (let k = 1; k < parts.length; k++)
      try {
        sz.FS.mkdir(`/src/${parts.slice(0, k).join('/')}`);
      } catch {}
    if (data === 'dir') sz.FS.mkdir(`/src/${name}`);
    else sz.FS.writeFile(`/src/${name}`, data);
  }
  sz.FS.chdir('/src');
  const tops = [...new Set(entries.map(([n]) => n.split('/')[0] as string))];
  expect(sz.callMain(['a', '/out.7z', ...switches, ...tops]) ?? 0).toBe(0);
  return sz.FS.readFile('/out.7z');
}

const text = (n: number) => new TextEncoder().encode('the quick brown fox '.repeat(n));
function noise(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = (x >>> 16) & (i % 3 ? 0xff : 0x0f);
  }
  return b;
}

const shown = (ms: SevenZipMember[]) => ms.map((m) => ({ ...m, bytes: m.bytes ? Buffer.from(m.bytes).toString('hex') : undefined }));

/** 'declined', or 'same' when both readers give equal members; anything else names the disagreement. */
async function agreement(archive: Uint8Array): Promise<string> {
  const direct = readSevenZipDirectly(archive, CAP, 1000);
  if (!direct) return 'declined';
  try {
    const { members } = await readWith7Zip(archive, CAP, 1000);
    return JSON.stringify(shown(direct)) === JSON.stringify(shown(members)) ? 'same' : 'different members';
  } catch (e) {
    return `7-Zip refused: ${(e as Error).message}`;
  }
}

/** Set the start header's CRCs for the bytes as they now are. */
function fixCrcs(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  view.setUint32(28, crc32(b.subarray(32 + Number(view.getBigUint64(12, true)))), true);
  view.setUint32(8, crc32(b.subarray(12, 32)), true);
  return b;
}

const ENTRIES: Entry[] = [
  ['a.pkl', text(40)],
  ['d/b.bin', noise(3000, 1)],
  ['d/sub/c.txt', text(1)],
  ['empty.txt', new Uint8Array(0)],
  ['emptydir', 'dir'],
  ['ünï/çødé €.pkl', text(2)],
];

describe('readSevenZipDirectly', () => {
  it.each([
    [[]],
    [['-m0=lzma']],
    [['-m0=lzma2']],
    [['-m0=copy']],
    [['-mx=9']],
    [['-mhc=off']],
    [['-ms=off']],
    [['-m0=lzma', '-mhc=off', '-ms=off']],
    [['-m0=lzma2:d=4k']],
    [['-m0=lzma:lc=0:lp=4:pb=4']],
    [['-mtm=off', '-mtc=on', '-mta=on']],
    [['-mtr=off']],
  ])('reads what 7-Zip writes with %j exactly as 7-Zip does', async (switches) => {
    const archive = await sevenZipArchive(ENTRIES, switches);
    expect(await agreement(archive)).toBe('same');
    const members = readSevenZipDirectly(archive, CAP, 1000) ?? [];
    expect(members.map((m) => [m.name, m.directory, m.size])).toEqual(
      expect.arrayContaining([
        ['a.pkl', false, 800],
        ['emptydir', true, 0],
        ['empty.txt', false, 0],
        ['ünï/çødé €.pkl', false, 40],
      ]),
    );
  });

  it.each([[['-m0=bzip2']], [['-m0=ppmd']], [['-m0=deflate']], [['-mf=BCJ']]])('leaves %j to 7-Zip', async (switches) => {
    expect(readSevenZipDirectly(await sevenZipArchive(ENTRIES, switches), CAP, 1000)).toBeUndefined();
  });

  it('leaves archives past the member or size limits to 7-Zip, which refuses them', async () => {
    const archive = await sevenZipArchive(ENTRIES, []);
    expect(readSevenZipDirectly(archive, CAP, 3)).toBeUndefined();
    expect(readSevenZipDirectly(archive, 100, 1000)).toBeUndefined();
  });

  it('reads the fixture 7z archives as 7-Zip does', async () => {
    for (const f of ['bypass/archive.7z', 'formats/breadth/7z/benign.7z', 'formats/breadth/7z/evil.7z'])
      expect([f, await agreement(fixture(f))]).toEqual([f, 'same']);
    expect(readSevenZipDirectly(fixture('formats/breadth/7z/truncated.7z'), CAP, 1000)).toBeUndefined();
  });

  it('never accepts a header bit flip that 7-Zip reads otherwise or refuses', async () => {
    const seen = new Map<string, number>();
    for (const switches of [
      ['-mhc=off', '-m0=copy'],
      ['-mhc=off', '-m0=lzma', '-ms=off'],
    ]) {
      const base = await sevenZipArchive(ENTRIES.slice(0, 5), switches);
      const header = 32 + Number(new DataView(base.buffer, base.byteOffset).getBigUint64(12, true));
      for (let i = header; i < base.length; i++)
        for (const x of [0x01, 0x04, 0x80]) {
          const b = base.slice();
          b[i] = (b[i] as number) ^ x;
          const r = await agreement(fixCrcs(b));
          seen.set(r, (seen.get(r) ?? 0) + 1);
          if (r !== 'same' && r !== 'declined') expect({ offset: i, flip: x, r }).toBeUndefined();
        }
    }
    // Both outcomes occur: the flips reach the parser, and some leave an archive it still reads.
    expect(seen.get('same')).toBeGreaterThan(0);
    expect(seen.get('declined')).toBeGreaterThan(0);
  }, 120_000);

  it('never accepts a bit flip or truncation of a whole archive 7-Zip would not read the same', async () => {
    const base = fixture('bypass/archive.7z');
    for (let i = 0; i < base.length; i++) {
      const b = base.slice();
      b[i] = (b[i] as number) ^ 0x10;
      expect([i, await agreement(b)]).toEqual([i, i === 7 ? 'same' : 'declined']);
      expect(readSevenZipDirectly(base.subarray(0, i), CAP, 1000)).toBeUndefined();
    }
  }, 60_000);
});

describe('decodeLzmaAloneStream', () => {
  /** Python's lzma (liblzma) writing FORMAT_ALONE, as joblib's compress='lzma' does. */
  function pythonLzma(expr: string, preset: number): { data: Buffer; stream: Uint8Array } {
    const out = execFileSync(PYTHON, [
      '-c',
      `import lzma,sys; d=${expr}; sys.stdout.buffer.write(len(d).to_bytes(8,"little")+d+lzma.compress(d, format=lzma.FORMAT_ALONE, preset=${preset}))`,
    ]);
    const n = Number(out.readBigUInt64LE(0));
    return { data: out.subarray(8, 8 + n), stream: new Uint8Array(out.subarray(8 + n)) };
  }

  it.each([
    ['b""', 6],
    ['b"hello world " * 5000', 0],
    ['b"hello world " * 5000', 9],
    ['bytes(range(256)) * 400 + bytes(i * 7 % 253 for i in range(70000))', 6],
    ['b"".join(bytes([i % 251]) * (i % 37) for i in range(6000))', 9],
  ])('decodes Python lzma.compress(%s, preset=%d) to the same bytes', (expr, preset) => {
    const { data, stream } = pythonLzma(expr, preset);
    expect(Buffer.from(decodeLzmaAloneStream(stream, CAP) ?? [])).toEqual(data);
  });

  it('leaves a stream past the cap, truncated, padded or with an unexpected size to 7-Zip', async () => {
    const { data, stream } = pythonLzma('b"hello world " * 5000', 6);
    expect(decodeLzmaAloneStream(stream, data.length - 1)).toBeUndefined();
    for (let n = 0; n < stream.length; n += 7) expect(decodeLzmaAloneStream(stream.subarray(0, n), CAP)).toBeUndefined();
    expect(decodeLzmaAloneStream(new Uint8Array([...stream, 0]), CAP)).toBeUndefined();
    const sized = stream.slice();
    new DataView(sized.buffer).setBigUint64(5, BigInt(data.length - 1), true);
    expect(decodeLzmaAloneStream(sized, CAP)).toBeUndefined();
    const huge = stream.slice();
    new DataView(huge.buffer).setUint32(1, 2 ** 31, true);
    expect(decodeLzmaAloneStream(huge, CAP)).toBeUndefined();
    await expect(decodeLzmaAloneWith7Zip(huge, CAP)).rejects.toThrow(/corrupt or truncated/);
  });

  it('never accepts a bit flip 7-Zip decodes otherwise or refuses', async () => {
    const stream = pythonLzma('b"abcabcabd" * 30 + bytes(range(256))', 6).stream;
    for (let i = 0; i < stream.length; i++)
      for (const x of [0x01, 0x80]) {
        const b = stream.slice();
        b[i] = (b[i] as number) ^ x;
        const direct = decodeLzmaAloneStream(b, CAP);
        if (direct) expect(Buffer.from(await decodeLzmaAloneWith7Zip(b, CAP))).toEqual(Buffer.from(direct));
      }
  }, 60_000);
});

describe('decodeLzma2', () => {
  it('decodes an uncompressed chunk and refuses chunks out of order or a wrong size', () => {
    const chunk = [0x01, 0x00, 0x02, 0x61, 0x62, 0x63, 0x00];
    expect(Buffer.from(decodeLzma2(new Uint8Array(chunk), 12, 3) ?? []).toString()).toBe('abc');
    expect(decodeLzma2(new Uint8Array([0x02, ...chunk.slice(1)]), 12, 3)).toBeUndefined();
    expect(decodeLzma2(new Uint8Array(chunk), 12, 4)).toBeUndefined();
    expect(decodeLzma2(new Uint8Array([...chunk, 0x00]), 12, 3)).toBeUndefined();
    expect(decodeLzma2(new Uint8Array(chunk), 41, 3)).toBeUndefined();
  });
});
