/**
 * A strict DER reader for the few structures trustgate reads itself (the signing certificate). Attacker-controlled
 * bytes: indefinite or non-minimal lengths, high tag numbers, truncation and trailing bytes are all refused, so
 * exactly one reading of the bytes exists (DER, X.690 section 10).
 */

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface DerNode {
  /** The identifier octet: class, constructed bit and tag number (low-tag form only). */
  tag: number;
  /** Content octets. */
  value: Buffer;
  /** The whole TLV, as it appears in the input. */
  raw: Buffer;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Read one TLV at `offset`; returns it and where the next one starts. */
function readAt(buf: Buffer, offset: number): { node: DerNode; next: number } {
  if (offset + 2 > buf.length) throw new DerError('truncated element');
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used in certificates');
  let length = buf[offset + 1] as number;
  let start = offset + 2;
  if (length === 0x80) throw new DerError('indefinite length is not DER');
  if (length > 0x80) {
    const octets = length & 0x7f;
    if (octets > 4 || start + octets > buf.length) throw new DerError('length too long');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (buf[start + i] as number);
    if (buf[start] === 0 || length < 0x80) throw new DerError('length is not minimally encoded');
    start += octets;
  }
  const end = start + length;
  if (end > buf.length) throw new DerError('element runs past the end of its container');
  return { node: { tag, value: buf.subarray(start, end), raw: buf.subarray(offset, end) }, next: end };
}

/** Exactly one element, nothing after it. */
export function readOne(buf: Buffer, expectedTag?: number): DerNode {
  const { node, next } = readAt(buf, 0);
  if (next !== buf.length) throw new DerError('trailing bytes after the element');
  if (expectedTag !== undefined && node.tag !== expectedTag)
    throw new DerError(`expected tag 0x${hex(expectedTag)}, got 0x${hex(node.tag)}`);
  return node;
}

/** The elements of a constructed value, in order. */
export function children(node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new DerError(`tag 0x${hex(node.tag)} is not constructed`);
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.value.length) {
    const { node: child, next } = readAt(node.value, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (node === undefined) throw new DerError(`${what} is missing`);
  if (node.tag !== tag) throw new DerError(`${what} has tag 0x${hex(node.tag)}, expected 0x${hex(tag)}`);
  return node;
}

export function readOid(node: DerNode): string {
  if (node.tag !== TAG.oid || node.value.length === 0) throw new DerError('not an OBJECT IDENTIFIER');
  const parts: number[] = [];
  let acc = 0;
  for (const [i, byte] of node.value.entries()) {
    if (acc === 0 && byte === 0x80) throw new DerError('OID arc is not minimally encoded');
    acc = acc * 128 + (byte & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER) throw new DerError('OID arc too large');
    if ((byte & 0x80) === 0) {
      parts.push(acc);
      acc = 0;
    } else if (i === node.value.length - 1) throw new DerError('OID ends inside an arc');
  }
  const first = parts.shift() as number;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** DER BOOLEAN: one octet, 0x00 or 0xFF. */
export function readBoolean(node: DerNode): boolean {
  if (node.tag !== TAG.boolean || node.value.length !== 1) throw new DerError('not a BOOLEAN');
  if (node.value[0] === 0xff) return true;
  if (node.value[0] === 0x00) return false;
  throw new DerError('BOOLEAN is neither 0x00 nor 0xFF');
}

/** A small non-negative INTEGER (versions, path lengths). */
export function readSmallInteger(node: DerNode): number {
  if (node.tag !== TAG.integer || node.value.length === 0 || node.value.length > 4) throw new DerError('not a small INTEGER');
  if ((node.value[0] as number) & 0x80) throw new DerError('negative INTEGER');
  if (node.value.length > 1 && node.value[0] === 0 && ((node.value[1] as number) & 0x80) === 0) {
    throw new DerError('INTEGER is not minimally encoded');
  }
  return node.value.reduce((acc, b) => acc * 256 + b, 0);
}

/** BIT STRING bits as a function of their index (bit 0 is the most significant bit of the first octet). */
export function readBits(node: DerNode): (bit: number) => boolean {
  if (node.tag !== TAG.bitString || node.value.length === 0) throw new DerError('not a BIT STRING');
  const unused = node.value[0] as number;
  if (unused > 7 || (node.value.length === 1 && unused !== 0)) throw new DerError('BIT STRING has a bad unused-bits count');
  const bytes = node.value.subarray(1);
  return (bit) => {
    const byte = bytes[bit >> 3];
    return byte !== undefined && ((byte >> (7 - (bit & 7))) & 1) === 1;
  };
}

const hex = (n: number) => n.toString(16).padStart(2, '0');
