/**
 * A 7z archive read in TypeScript for the common case, after 7-Zip's 7zIn.cpp: a plain or LZMA-encoded header,
 * folders of one Copy, LZMA or LZMA2 coder, every CRC the archive carries checked. It answers only for archives it
 * reads completely and exactly as 7-Zip would list and extract them; for anything else (another coder or a filter,
 * encryption, a CRC mismatch, a name 7-Zip would rewrite, a limit reached, an unknown property, a byte left over)
 * it returns undefined and the archive goes to 7-Zip itself, whose result stands. Everything it builds is local
 * to one call: nothing is shared between archives.
 */
import { crc32 } from 'node:zlib';
import { decodeLzma2, decodeLzmaRaw } from './lzma.js';
import type { SevenZipMember } from './sevenzip.js';

const SIGNATURE = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const ID = {
  end: 0x00,
  header: 0x01,
  mainStreamsInfo: 0x04,
  filesInfo: 0x05,
  packInfo: 0x06,
  unpackInfo: 0x07,
  subStreamsInfo: 0x08,
  size: 0x09,
  crc: 0x0a,
  folder: 0x0b,
  codersUnpackSize: 0x0c,
  numUnpackStream: 0x0d,
  emptyStream: 0x0e,
  emptyFile: 0x0f,
  name: 0x11,
  cTime: 0x12,
  aTime: 0x13,
  mTime: 0x14,
  winAttrib: 0x15,
  encodedHeader: 0x17,
  dummy: 0x19,
} as const;
const FILE_ATTRIBUTE_DIRECTORY = 0x10;
// Read-only, hidden, system, directory, archive, normal, not-indexed, and the Unix extension (mode in the top half).
const PLAIN_ATTRIBUTES = 0x1 | 0x2 | 0x4 | 0x10 | 0x20 | 0x80 | 0x2000 | 0x8000;
const UNIX_EXTENSION = 0x8000;

/**
 * Attributes 7-Zip extracts as a plain file or directory: none, or a plain set whose Unix mode (if any) is the same
 * kind without setuid, setgid or sticky bits. A symlink, device or reparse point is extracted as something else.
 */
function plainAttributes(attrib: number | undefined, directory: boolean): boolean {
  if (attrib === undefined) return true;
  if ((attrib & 0xffff & ~PLAIN_ATTRIBUTES) !== 0 || ((attrib & FILE_ATTRIBUTE_DIRECTORY) !== 0) !== directory) return false;
  if ((attrib & UNIX_EXTENSION) === 0) return attrib >>> 16 === 0;
  const mode = attrib >>> 16;
  return (mode & 0o7000) === 0 && (mode & 0o170000) === (directory ? 0o040000 : 0o100000);
}

class Decline {}
const DECLINE = new Decline();

/** A cursor over one header buffer; reading past its end declines. */
class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.buf.length) throw DECLINE;
    return this.buf[this.pos++] as number;
  }

  bytes(n: number): Uint8Array {
    if (n > this.buf.length - this.pos) throw DECLINE;
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** 7z's variable-length number (ReadNumber); values past 2^53 decline. */
  number(): number {
    const first = this.byte();
    let mask = 0x80;
    let value = 0;
    for (let i = 0; i < 8; i++) {
      if ((first & mask) === 0) {
        value += (first & (mask - 1)) * 2 ** (8 * i);
        if (!Number.isSafeInteger(value)) throw DECLINE;
        return value;
      }
      value += this.byte() * 2 ** (8 * i);
      mask >>>= 1;
    }
    if (!Number.isSafeInteger(value)) throw DECLINE;
    return value;
  }

  /** A count that must fit what is left of the buffer (each item takes at least a bit). */
  count(): number {
    const n = this.number();
    if (n > (this.buf.length - this.pos) * 8 + 8) throw DECLINE;
    return n;
  }

  uint32(): number {
    const b = this.bytes(4);
    return ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16) | ((b[3] as number) << 24)) >>> 0;
  }

  bits(n: number): boolean[] {
    const out: boolean[] = [];
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (i % 8 === 0) b = this.byte();
      out.push((b & (0x80 >>> (i % 8))) !== 0);
    }
    return out;
  }

  /** An "all defined" byte, else a bit vector. */
  defined(n: number): boolean[] {
    return this.byte() !== 0 ? new Array<boolean>(n).fill(true) : this.bits(n);
  }

  digests(n: number): (number | undefined)[] {
    const defined = this.defined(n);
    return defined.map((d) => (d ? this.uint32() : undefined));
  }

  expect(id: number): void {
    if (this.byte() !== id) throw DECLINE;
  }
}

interface Coder {
  id: string;
  props: Uint8Array;
}

interface Folder {
  coder: Coder;
  unpackSize: number;
  crc: number | undefined;
}

interface Streams {
  packPos: number;
  packSizes: number[];
  packCrcs: (number | undefined)[];
  folders: Folder[];
  /** Per folder: its substreams' sizes and CRCs (one stream of the folder's size by default). */
  subSizes: number[][];
  subCrcs: (number | undefined)[][];
}

function readFolder(r: Reader): Coder {
  if (r.number() !== 1) throw DECLINE;
  const main = r.byte();
  // Only a simple coder (one in, one out stream); complex coders and the reserved bits go to 7-Zip.
  if ((main & 0xd0) !== 0) throw DECLINE;
  const id = Array.from(r.bytes(main & 0x0f), (b) => b.toString(16).padStart(2, '0')).join('');
  const props = (main & 0x20) !== 0 ? r.bytes(r.number()) : new Uint8Array(0);
  return { id, props };
}

function readStreams(r: Reader): Streams {
  r.expect(ID.packInfo);
  const packPos = r.number();
  const numPack = r.count();
  r.expect(ID.size);
  const packSizes = Array.from({ length: numPack }, () => r.number());
  let id = r.byte();
  let packCrcs: (number | undefined)[] = new Array(numPack).fill(undefined);
  if (id === ID.crc) {
    packCrcs = r.digests(numPack);
    id = r.byte();
  }
  if (id !== ID.end) throw DECLINE;
  r.expect(ID.unpackInfo);
  r.expect(ID.folder);
  const numFolders = r.count();
  if (numFolders !== numPack || r.byte() !== 0) throw DECLINE;
  const coders = Array.from({ length: numFolders }, () => readFolder(r));
  r.expect(ID.codersUnpackSize);
  const sizes = coders.map(() => r.number());
  id = r.byte();
  let crcs: (number | undefined)[] = new Array(numFolders).fill(undefined);
  if (id === ID.crc) {
    crcs = r.digests(numFolders);
    id = r.byte();
  }
  if (id !== ID.end) throw DECLINE;
  const folders = coders.map((coder, i) => ({ coder, unpackSize: sizes[i] as number, crc: crcs[i] }));
  const counts = folders.map(() => 1);
  id = r.byte();
  const subSizes: number[][] = folders.map((f) => [f.unpackSize]);
  const subCrcs: (number | undefined)[][] = folders.map((f) => [f.crc]);
  if (id === ID.subStreamsInfo) {
    id = r.byte();
    if (id === ID.numUnpackStream) {
      for (let i = 0; i < numFolders; i++) counts[i] = r.count();
      id = r.byte();
    }
    for (let i = 0; i < numFolders; i++) {
      const n = counts[i] as number;
      const folderSize = (folders[i] as Folder).unpackSize;
      if (n === 0) subSizes[i] = [];
      else if (id === ID.size) {
        const list: number[] = [];
        let sum = 0;
        for (let j = 1; j < n; j++) {
          const s = r.number();
          list.push(s);
          sum += s;
        }
        if (sum > folderSize) throw DECLINE;
        list.push(folderSize - sum);
        subSizes[i] = list;
      } else if (n !== 1) throw DECLINE;
    }
    if (id === ID.size) id = r.byte();
    // Digests are listed for every substream whose CRC the folder's own CRC does not already give.
    const unknown = folders.reduce((k, f, i) => k + (counts[i] === 1 && f.crc !== undefined ? 0 : (counts[i] as number)), 0);
    let listed: (number | undefined)[] = new Array(unknown).fill(undefined);
    if (id === ID.crc) {
      listed = r.digests(unknown);
      id = r.byte();
    }
    let k = 0;
    for (let i = 0; i < numFolders; i++) {
      const f = folders[i] as Folder;
      subCrcs[i] = counts[i] === 1 && f.crc !== undefined ? [f.crc] : Array.from({ length: counts[i] as number }, () => listed[k++]);
    }
    if (id !== ID.end) throw DECLINE;
    id = r.byte();
  }
  if (id !== ID.end) throw DECLINE;
  return { packPos, packSizes, packCrcs, folders, subSizes, subCrcs };
}

/** Every folder decoded and checked against its CRCs; `cap` bounds their total before anything is decoded. */
function unpack(archive: Uint8Array, s: Streams, cap: number): Uint8Array[] {
  if (s.folders.reduce((n, f) => n + f.unpackSize, 0) > cap) throw DECLINE;
  let at = 32 + s.packPos;
  return s.folders.map((f, i) => {
    const size = s.packSizes[i] as number;
    if (at + size > archive.length) throw DECLINE;
    const packed = archive.subarray(at, at + size);
    at += size;
    const packCrc = s.packCrcs[i];
    if (packCrc !== undefined && crc32(packed) !== packCrc) throw DECLINE;
    const { id, props } = f.coder;
    let out: Uint8Array | undefined;
    if (id === '00' && props.length === 0) out = packed.length === f.unpackSize ? packed : undefined;
    else if (id === '030101') out = decodeLzmaRaw(packed, props, f.unpackSize);
    else if (id === '21' && props.length === 1) out = decodeLzma2(packed, props[0] as number, f.unpackSize);
    if (!out || (f.crc !== undefined && crc32(out) !== f.crc)) throw DECLINE;
    return out;
  });
}

interface FilesInfo {
  names: string[];
  emptyStream: boolean[];
  emptyFile: boolean[];
  attributes: (number | undefined)[];
}

const UTF16 = new TextDecoder('utf-16le', { fatal: true });

function readFiles(r: Reader): FilesInfo {
  const n = r.count();
  const info: FilesInfo = { names: [], emptyStream: new Array(n).fill(false), emptyFile: [], attributes: new Array(n).fill(undefined) };
  const seen = new Set<number>();
  for (;;) {
    const type = r.byte();
    if (type === ID.end) break;
    const size = r.number();
    // 7-Zip pads with kDummy records wherever it aligns the next one; any other property appears once.
    if (seen.has(type) && type !== ID.dummy) throw DECLINE;
    seen.add(type);
    const p = new Reader(r.bytes(size));
    switch (type) {
      case ID.emptyStream:
        info.emptyStream = p.bits(n);
        break;
      case ID.emptyFile:
        info.emptyFile = p.bits(info.emptyStream.filter(Boolean).length);
        break;
      case ID.name: {
        if (p.byte() !== 0) throw DECLINE;
        const raw = p.bytes(size - 1);
        if (raw.length % 2 !== 0) throw DECLINE;
        let text: string;
        try {
          text = UTF16.decode(raw);
        } catch {
          throw DECLINE;
        }
        if (!text.endsWith('\0')) throw DECLINE;
        info.names = text.slice(0, -1).split('\0');
        if (info.names.length !== n) throw DECLINE;
        break;
      }
      case ID.winAttrib: {
        const defined = p.defined(n);
        if (p.byte() !== 0) throw DECLINE;
        info.attributes = defined.map((d) => (d ? p.uint32() : undefined));
        break;
      }
      case ID.cTime:
      case ID.aTime:
      case ID.mTime: {
        const defined = p.defined(n);
        if (p.byte() !== 0) throw DECLINE;
        p.bytes(8 * defined.filter(Boolean).length);
        break;
      }
      case ID.dummy:
        if (p.bytes(size).some((b) => b !== 0)) throw DECLINE;
        break;
      default:
        throw DECLINE;
    }
    if (p.pos !== p.buf.length) throw DECLINE;
  }
  if (!seen.has(ID.name)) throw DECLINE;
  return info;
}

// Names 7-Zip would list or extract differently (control characters break its listing, and `.`, `..`, empty
// segments or a leading slash are rewritten on extraction) are its own to handle.
// A segment past 255 bytes is longer than a file system takes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
const CONTROL = /[\u0000-\u001f\u007f\\]/;
const utf8 = new TextEncoder();
function plainName(name: string): boolean {
  return (
    name !== '' && !CONTROL.test(name) && name.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && utf8.encode(s).length <= 255)
  );
}

function parse(archive: Uint8Array, cap: number, maxMembers: number): SevenZipMember[] {
  if (archive.length < 32 || SIGNATURE.some((b, i) => archive[i] !== b) || archive[6] !== 0) throw DECLINE;
  const start = new Reader(archive.subarray(8, 32));
  const startCrc = start.uint32();
  if (crc32(archive.subarray(12, 32)) !== startCrc) throw DECLINE;
  const nextOffset = start.uint32() + start.uint32() * 2 ** 32;
  const nextSize = start.uint32() + start.uint32() * 2 ** 32;
  const nextCrc = start.uint32();
  // An empty archive, or data after the header, is 7-Zip's to report.
  if (nextSize === 0 || 32 + nextOffset + nextSize !== archive.length) throw DECLINE;
  let header = archive.subarray(32 + nextOffset);
  if (crc32(header) !== nextCrc) throw DECLINE;
  let r = new Reader(header);
  let id = r.byte();
  if (id === ID.encodedHeader) {
    const streams = readStreams(r);
    if (r.pos !== header.length || streams.folders.length !== 1) throw DECLINE;
    header = unpack(archive, streams, cap)[0] as Uint8Array;
    r = new Reader(header);
    id = r.byte();
  }
  if (id !== ID.header) throw DECLINE;
  id = r.byte();
  let streams: Streams | undefined;
  if (id === ID.mainStreamsInfo) {
    streams = readStreams(r);
    id = r.byte();
  }
  let files: FilesInfo | undefined;
  if (id === ID.filesInfo) {
    files = readFiles(r);
    id = r.byte();
  }
  if (id !== ID.end || r.pos !== header.length || !files) throw DECLINE;
  if (files.names.length > maxMembers) throw DECLINE;
  const sizes = streams?.subSizes.flat() ?? [];
  const crcs = streams?.subCrcs.flat() ?? [];
  const declared = sizes.reduce((n, s) => n + s, 0);
  if (declared > cap) throw DECLINE;
  const data = streams ? unpack(archive, streams, cap) : [];
  // Each folder's substreams, in order, to the files that have a stream.
  const pieces: Uint8Array[] = [];
  data.forEach((d, i) => {
    let at = 0;
    for (const s of streams?.subSizes[i] ?? []) {
      pieces.push(d.subarray(at, at + s));
      at += s;
    }
  });
  const members: SevenZipMember[] = [];
  /** Each name listed, and whether it is a directory. */
  const names = new Map<string, boolean>();
  let stream = 0;
  let empty = 0;
  for (let i = 0; i < files.names.length; i++) {
    const name = files.names[i] as string;
    if (!plainName(name) || names.has(name)) throw DECLINE;
    const attrib = files.attributes[i];
    if (files.emptyStream[i]) {
      const directory = !files.emptyFile[empty++];
      names.set(name, directory);
      if (!plainAttributes(attrib, directory)) throw DECLINE;
      members.push(
        directory
          ? { name, size: 0, encrypted: false, directory }
          : { name, size: 0, encrypted: false, directory, bytes: new Uint8Array(0) },
      );
      continue;
    }
    if (!plainAttributes(attrib, false)) throw DECLINE;
    names.set(name, false);
    const bytes = pieces[stream];
    const crc = crcs[stream];
    stream++;
    if (!bytes || (crc !== undefined && crc32(bytes) !== crc)) throw DECLINE;
    members.push({ name, size: bytes.length, encrypted: false, directory: false, bytes });
  }
  if (stream !== pieces.length) throw DECLINE;
  // A file whose path runs through another file cannot be extracted as listed.
  for (const name of names.keys()) {
    const parts = name.split('/');
    for (let k = 1; k < parts.length; k++) if (names.get(parts.slice(0, k).join('/')) === false) throw DECLINE;
  }
  return members;
}

/**
 * The members of a 7z archive with their bytes, when this reader answers for it (see above); undefined hands the
 * archive to 7-Zip. `cap` and `maxMembers` are the caller's limits: an archive past them is 7-Zip's to refuse.
 */
export function readSevenZipDirectly(archive: Uint8Array, cap: number, maxMembers: number): SevenZipMember[] | undefined {
  try {
    return parse(archive, cap, maxMembers);
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
