/**
 * CRC-32 (zip's, IEEE 802.3) in JavaScript, for the small stored members a scan checks (a checkpoint's data.pkl):
 * node:zlib's crc32 is faster per byte, but loading node:zlib (and the stream modules it needs) costs more than a
 * few hundred KiB of table lookups. zip.ts hands larger members to zlib.
 */
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

export function crc32(bytes: Uint8Array): number {
  table ??= crcTable();
  const t = table;
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
