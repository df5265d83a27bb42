import { isTarHeader } from '../sniff/magic.js';
import type { ByteSource } from '../source.js';
import { ContainerError, type ScanLimits } from './limits.js';

export interface TarMember {
  name: string;
  /** '0' regular file, '1'/'2' links, '5' directory, ... */
  type: string;
  linkName: string;
  offset: number;
  size: number;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function field(block: Uint8Array, start: number, len: number, decoder = latin1): string {
  const raw = block.subarray(start, start + len);
  const nul = raw.indexOf(0);
  return decoder.decode(nul >= 0 ? raw.subarray(0, nul) : raw);
}

function sizeField(block: Uint8Array): number {
  if (((block[124] ?? 0) & 0x80) !== 0) {
    let v = 0;
    for (let i = 125; i < 136; i++) v = v * 256 + (block[i] ?? 0);
    return v;
  }
  const text = field(block, 124, 12).trim();
  if (!/^[0-7]*$/.test(text)) throw new ContainerError(`tar header size field "${text}" is not octal`, 'parse');
  return text === '' ? 0 : Number.parseInt(text, 8);
}

/** PAX extended header records: "<len> <key>=<value>\n". */
function parsePax(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = utf8.decode(bytes);
  for (const line of text.split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (m) out.set(m[1] as string, m[2] as string);
  }
  return out;
}

/** Members of a tar archive (v7, ustar, GNU long names, PAX), header checksums verified. */
export async function readTar(source: ByteSource, limits: ScanLimits): Promise<TarMember[]> {
  const members: TarMember[] = [];
  let pos = 0;
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  while (pos + 512 <= source.size) {
    const block = await source.read(pos, 512);
    if (block.every((b) => b === 0)) return members;
    if (!isTarHeader(block)) throw new ContainerError(`tar header at offset ${pos} has a bad checksum`, 'parse', pos);
    // A PAX size (for members over 8 GiB) replaces the header's, for the member and for where the next header is.
    const paxSize = pax?.get('size');
    const size = paxSize !== undefined && /^\d+$/.test(paxSize) ? Number(paxSize) : sizeField(block);
    const type = String.fromCharCode(block[156] || 0x30);
    const dataAt = pos + 512;
    if (dataAt + size > source.size) throw new ContainerError(`tar member at offset ${pos} runs past the end of the archive`, 'parse', pos);
    const next = dataAt + Math.ceil(size / 512) * 512;
    if (type === 'L' || type === 'x' || type === 'g') {
      if (size > 1 << 20) throw new ContainerError(`tar extended header of ${size} bytes`, 'limit', pos);
      const data = await source.read(dataAt, size);
      if (type === 'L') longName = field(data, 0, data.length, utf8);
      else if (type === 'x') pax = parsePax(data);
      pos = next;
      continue;
    }
    const prefix = field(block, 345, 155);
    const base = field(block, 0, 100, utf8);
    const name = pax?.get('path') ?? longName ?? (prefix && field(block, 257, 5) === 'ustar' ? `${prefix}/${base}` : base);
    members.push({
      name,
      type,
      linkName: pax?.get('linkpath') ?? field(block, 157, 100, utf8),
      offset: dataAt,
      size,
    });
    if (members.length > limits.maxMembers) throw new ContainerError(`more than ${limits.maxMembers} members`, 'limit');
    longName = undefined;
    pax = undefined;
    pos = next;
  }
  // Every tar writer ends with zero blocks; without them the archive was cut and members may be missing.
  throw new ContainerError('tar archive ends without its end-of-archive blocks (truncated)', 'parse', pos);
}
