import { crc32, deflateRawSync } from 'node:zlib';
import { concat } from './pickle-writer.js';

export interface ZipMemberSpec {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** General-purpose flags in the central directory (bit 0: encrypted). */
  flags?: number;
  /** Flags in the local header, when they differ. */
  localFlags?: number;
  /** A different name in the local header. */
  localName?: string;
}

const te = new TextEncoder();

function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/**
 * A zip as the spec lays it out (local headers, central directory, end record), with the knobs attacks turn.
 * `extraEntries` repeats central-directory entries pointing at existing local headers (overlapping members).
 */
export function zipOf(members: readonly ZipMemberSpec[], options: { extraEntries?: { of: number; count: number } } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const dirOf: Uint8Array[] = [];
  for (const m of members) {
    const body = m.deflate ? deflateRawSync(m.data) : m.data;
    const method = m.deflate ? 8 : 0;
    const name = te.encode(m.name);
    const localName = te.encode(m.localName ?? m.name);
    const crc = crc32(m.data);
    const local = concat(
      u32(0x04034b50),
      u16(20),
      u16(m.localFlags ?? m.flags ?? 0),
      u16(method),
      u16(0),
      u16(0),
      u32(crc),
      u32(body.length),
      u32(m.data.length),
      u16(localName.length),
      u16(0),
      localName,
      body,
    );
    const dir = concat(
      u32(0x02014b50),
      u16(20),
      u16(20),
      u16(m.flags ?? 0),
      u16(method),
      u16(0),
      u16(0),
      u32(crc),
      u32(body.length),
      u32(m.data.length),
      u16(name.length),
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      u32(0),
      u32(offset),
      name,
    );
    locals.push(local);
    dirOf.push(dir);
    offset += local.length;
  }
  central.push(...dirOf);
  const extra = options.extraEntries;
  if (extra) for (let i = 0; i < extra.count; i++) central.push(dirOf[extra.of] as Uint8Array);
  const cd = concat(...central);
  const count = central.length;
  const end = concat(u32(0x06054b50), u16(0), u16(0), u16(count & 0xffff), u16(count & 0xffff), u32(cd.length), u32(offset), u16(0));
  return concat(...locals, cd, end);
}

/** A torch.save-shaped archive: `archive/data.pkl` (the pickle given), a version record, optional storages. */
export function torchZip(dataPkl: Uint8Array, options: Partial<ZipMemberSpec> = {}, more: ZipMemberSpec[] = []): Uint8Array {
  return zipOf([{ name: 'archive/data.pkl', data: dataPkl, ...options }, { name: 'archive/version', data: te.encode('3\n') }, ...more]);
}
