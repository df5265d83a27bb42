import { bufferSource, type ByteSource } from '../source.js';
import { crc32 } from './crc32.js';
import { sliceSource } from '../io/slice-source.js';
import { ContainerError, type DecompressionBudget, outputCap, SPENT, type ScanLimits } from './limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Bytes before the archive (prepended data), as Python's zipfile computes it; miniz (torch) assumes 0. */
  prepended: number;
  /** Where the end-of-central-directory record was found. */
  endOffset: number;
}

export interface ZipMember {
  source: ByteSource;
  /** Differences between the local header and the central directory, as messages. */
  warnings: string[];
  crcMismatch: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const decoder = new TextDecoder('utf-8');
const CRC_CHECK_LIMIT = 16 << 20;
// node:zlib loads the stream modules (a few ms of a scan's start): only for inflating, and for the CRC of members
// large enough that its native crc32 wins back its load. Synchronously where Node can (>= 20.16): an import() from
// the CLI's bundle goes through the ES module loader.
const JS_CRC_LIMIT = 1 << 20;
const zlib = async () => process.getBuiltinModule?.('node:zlib') ?? (await import('node:zlib'));
const crcOf = async (bytes: Uint8Array) => (bytes.length <= JS_CRC_LIMIT ? crc32(bytes) : (await zlib()).crc32(bytes));

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  const v = u32(b, o) + u32(b, o + 4) * 2 ** 32;
  return Number.isSafeInteger(v) ? v : Number.MAX_SAFE_INTEGER;
}

/** Locate the end-of-central-directory record by searching backwards, as zipfile and miniz both do. */
export async function findEndRecord(source: ByteSource): Promise<number | undefined> {
  const span = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - span, span);
  if (tail.length < 22) return undefined;
  // Each "P" from the end (a native search), then the rest of the signature: most files have few.
  for (let i = tail.lastIndexOf(0x50, tail.length - 22); i >= 0; i = i > 0 ? tail.lastIndexOf(0x50, i - 1) : -1) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) <= tail.length) return source.size - span + i;
  }
  return undefined;
}

/**
 * The central directory, which is what torch (miniz) and Python's zipfile trust; local headers are only used
 * to find where data starts. Attacker-controlled: every offset and count is bounds-checked.
 */
export async function readZipDirectory(source: ByteSource, limits: ScanLimits): Promise<ZipDirectory> {
  const end = await findEndRecord(source);
  if (end === undefined) throw new ContainerError('no end-of-central-directory record (truncated or not a zip)', 'parse');
  const rec = await source.read(end, 22);
  let count = u16(rec, 10);
  let cdSize = u32(rec, 12);
  let cdOffset = u32(rec, 16);
  let recordStart = end;
  if (end >= 20) {
    const loc = await source.read(end - 20, 20);
    if (u32(loc, 0) === ZIP64_LOCATOR) {
      const z64At = u64(loc, 8);
      const z = await source.read(z64At, 56);
      if (z.length < 56 || u32(z, 0) !== ZIP64_EOCD) throw new ContainerError('zip64 end record missing or corrupt', 'parse', z64At);
      count = u64(z, 32);
      cdSize = u64(z, 40);
      cdOffset = u64(z, 48);
      recordStart = z64At;
    }
  }
  const prepended = recordStart - cdSize - cdOffset;
  if (prepended < 0) throw new ContainerError('central directory lies outside the file', 'parse', end);
  if (count > limits.maxMembers) throw new ContainerError(`${count} members exceed the limit of ${limits.maxMembers}`, 'limit');
  const read = await source.read(cdOffset + prepended, cdSize);
  const cd = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
  if (cd.length < cdSize) throw new ContainerError('central directory is truncated', 'parse', cdOffset);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= cd.length && u32(cd, p) === CENTRAL) {
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length)
      throw new ContainerError('central directory entry overruns the directory', 'parse', cdOffset + p);
    const entry: ZipEntry = {
      name: memberName(cd, p + 46, nameLen),
      flags: u16(cd, p + 8),
      method: u16(cd, p + 10),
      crc: u32(cd, p + 16),
      compressedSize: u32(cd, p + 20),
      size: u32(cd, p + 24),
      localOffset: u32(cd, p + 42),
    };
    if (extraLen > 0) applyZip64(entry, cd, p + 46 + nameLen, p + 46 + nameLen + extraLen);
    entries.push(entry);
    if (entries.length > limits.maxMembers) throw new ContainerError(`more than ${limits.maxMembers} members`, 'limit');
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (entries.length !== count)
    throw new ContainerError(
      `the end record announces ${count} members but the central directory holds ${entries.length}`,
      'parse',
      cdOffset,
    );
  return { entries, prepended, endOffset: end };
}

/** A name from the directory: ASCII (nearly every name) sliced directly, anything else decoded as UTF-8. */
function memberName(cd: Buffer, start: number, length: number): string {
  for (let i = start; i < start + length; i++) if ((cd[i] as number) >= 0x80) return decoder.decode(cd.subarray(start, start + length));
  return cd.toString('latin1', start, start + length);
}

// Sizes and offsets saturated at 0xffffffff live in the zip64 extra field, in this order.
function applyZip64(e: ZipEntry, extra: Uint8Array, start: number, end: number): void {
  let p = start;
  while (p + 4 <= end) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (id === 0x0001) {
      // Bounded by the extra field too: a length that overruns it reads nothing from the next entry.
      const fieldEnd = Math.min(p + 4 + len, end);
      let q = p + 4;
      const take = () => {
        const v = u64(extra, q);
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff && q + 8 <= fieldEnd) e.size = take();
      if (e.compressedSize === 0xffffffff && q + 8 <= fieldEnd) e.compressedSize = take();
      if (e.localOffset === 0xffffffff && q + 8 <= fieldEnd) e.localOffset = take();
    }
    p += 4 + len;
  }
}

/**
 * A member's bytes as torch reads them: data starts after the local header's name and extra fields; stored
 * members are windows on the file (never copied), deflated ones are inflated with a bounded output.
 */
export async function openMember(
  source: ByteSource,
  dir: ZipDirectory,
  e: ZipEntry,
  limits: ScanLimits,
  budget: DecompressionBudget,
  name: string,
  /** torch (miniz as torch builds it) reads members whatever their encryption flag says (CVE-2025-1945). */
  ignoreEncryption = false,
): Promise<ZipMember> {
  if (e.flags & 0x1 && !ignoreEncryption) throw new ContainerError(`member ${e.name} is encrypted`, 'unsupported');
  const at = e.localOffset + dir.prepended;
  const lh = await source.read(at, 30);
  if (lh.length < 30 || u32(lh, 0) !== LOCAL) throw new ContainerError(`member ${e.name} has no local header at offset ${at}`, 'parse', at);
  const nameLen = u16(lh, 26);
  const extraLen = u16(lh, 28);
  const warnings: string[] = [];
  if (e.flags & 0x1) warnings.push(`member ${e.name} is flagged encrypted; torch reads it as stored anyway, so it was analysed as stored`);
  const localName = decoder.decode(await source.read(at + 30, nameLen));
  if (localName !== e.name) warnings.push(`local header names member ${JSON.stringify(e.name)} as ${JSON.stringify(localName)}`);
  if ((u16(lh, 6) & 0x8) === 0 && u32(lh, 14) !== e.crc)
    warnings.push(`local header of ${e.name} has CRC-32 ${u32(lh, 14).toString(16)}, the directory ${e.crc.toString(16)}`);
  if (u16(lh, 8) !== e.method) warnings.push(`local header of ${e.name} uses compression method ${u16(lh, 8)}, the directory ${e.method}`);
  const dataAt = at + 30 + nameLen + extraLen;
  if (dataAt + e.compressedSize > source.size)
    throw new ContainerError(`member ${e.name} runs past the end of the archive`, 'parse', dataAt);
  if (e.method === 0) {
    // Small stored members (pickles, not tensors) are checked against their CRC like zipfile would.
    const crcMismatch = e.compressedSize <= CRC_CHECK_LIMIT && (await crcOf(await source.read(dataAt, e.compressedSize))) !== e.crc;
    return { source: sliceSource(source, name, dataAt, e.compressedSize), warnings, crcMismatch };
  }
  if (e.method !== 8) throw new ContainerError(`member ${e.name} uses unsupported compression method ${e.method}`, 'unsupported');
  const cap = outputCap(e.compressedSize, limits, budget);
  if (cap === 0) throw new ContainerError(SPENT, 'limit');
  if (e.size > cap) throw new ContainerError(`member ${e.name} declares ${e.size} bytes, over the decompression limit of ${cap}`, 'limit');
  const raw = await source.read(dataAt, e.compressedSize);
  const { inflateRawSync } = await zlib();
  let out: Uint8Array;
  try {
    // One output chunk of the declared size (a lie only costs chunks: at most 16 MiB, at least zlib's 16 KiB).
    out = inflateRawSync(raw, { maxOutputLength: cap, chunkSize: Math.min(Math.max(e.size + 64, 16 << 10), 16 << 20) });
  } catch (cause) {
    const msg = (cause as Error).message;
    if (/maxOutputLength|buffer/i.test(msg)) throw new ContainerError(`member ${e.name} inflates past the limit of ${cap} bytes`, 'limit');
    throw new ContainerError(`member ${e.name} does not inflate: ${msg}`, 'parse', dataAt);
  }
  budget.take(out.length);
  return { source: bufferSource(name, out), warnings, crcMismatch: (await crcOf(out)) !== e.crc };
}
