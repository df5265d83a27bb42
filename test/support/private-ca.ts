import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';

/**
 * A private PKI built with node:crypto alone, for tests that play a hostile signer: every byte of a certificate
 * or an RFC 3161 timestamp is ours to choose. Keys come from a label (same label, same key), so a case is the same
 * on every run; only ECDSA's random nonce differs.
 */

// --- DER, just enough to write certificates and timestamps ---------------------------------------------------

const length = (n: number) => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
export const tlv = (tag: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
export const der = {
  seq: (...parts: Buffer[]) => tlv(0x30, ...parts),
  set: (...parts: Buffer[]) => tlv(0x31, ...parts),
  bool: (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00])),
  int: (v: number | Buffer) => {
    let bytes =
      typeof v === 'number'
        ? Buffer.from(
            v
              .toString(16)
              .padStart(2, '0')
              .replace(/^(.(..)*)$/, '0$1'),
            'hex',
          )
        : v;
    if ((bytes[0] as number) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return tlv(0x02, bytes);
  },
  oid: (dotted: string) => {
    const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
    const out = [40 * a + b];
    for (const arc of rest) {
      const chunk = [arc & 0x7f];
      for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift(0x80 | (v & 0x7f));
      out.push(...chunk);
    }
    return tlv(0x06, Buffer.from(out));
  },
  octet: (b: Buffer) => tlv(0x04, b),
  bits: (b: Buffer, unused = 0) => tlv(0x03, Buffer.from([unused]), b),
  utf8: (s: string) => tlv(0x0c, Buffer.from(s, 'utf8')),
  utcTime: (d: Date) => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`)),
  generalizedTime: (d: Date) => tlv(0x18, Buffer.from(`${d.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`)),
  explicit: (n: number, inner: Buffer) => tlv(0xa0 + n, inner),
};

// --- keys --------------------------------------------------------------------------------------------------

const P256 = '1.2.840.10045.3.1.7';
const ECDSA_SHA256 = der.seq(der.oid('1.2.840.10045.4.3.2'));
const SHA256 = der.seq(der.oid('2.16.840.1.101.3.4.2.1'));

/** A P-256 key pair from a label (SEC1 without the public point: OpenSSL derives it). */
export function keyFromLabel(label: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const d = createHash('sha256').update(`trustgate test key: ${label}`).digest();
  const sec1 = der.seq(der.int(1), der.octet(d), der.explicit(0, der.oid(P256)));
  const privateKey = createPrivateKey({ key: sec1, format: 'der', type: 'sec1' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

// --- certificates ------------------------------------------------------------------------------------------

export interface RawExtension {
  oid: string;
  critical?: boolean;
  /** The extnValue's content (the bytes inside the OCTET STRING). */
  value: Buffer;
}

export const extension = (e: RawExtension) => der.seq(der.oid(e.oid), ...(e.critical ? [der.bool(true)] : []), der.octet(e.value));
const name = (cn: string) =>
  der.seq(der.set(der.seq(der.oid('2.5.4.10'), der.utf8('trustgate.test'))), der.set(der.seq(der.oid('2.5.4.3'), der.utf8(cn))));

export interface Issued {
  der: Buffer;
  subject: Buffer;
  serial: Buffer;
}

interface CertificateSpec {
  subject: string;
  serial: number;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: readonly RawExtension[];
}

export class Authority {
  readonly keys: { privateKey: KeyObject; publicKey: KeyObject };
  readonly certificate: Issued;
  private next = 2;

  constructor(readonly label: string) {
    this.keys = keyFromLabel(label);
    this.certificate = this.build(
      {
        subject: label,
        serial: 1,
        publicKey: this.keys.publicKey,
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2040-01-01T00:00:00Z'),
        extensions: [
          { oid: EXT.basicConstraints, critical: true, value: der.seq(der.bool(true)) },
          { oid: EXT.keyUsage, critical: true, value: der.bits(Buffer.from([0x06]), 1) },
        ],
      },
      name(label),
    );
  }

  issue(spec: Omit<CertificateSpec, 'serial'>): Issued {
    return this.build({ ...spec, serial: this.next++ }, this.certificate.subject);
  }

  private build(spec: CertificateSpec, issuer: Buffer): Issued {
    const subject = name(spec.subject);
    const serial = der.int(spec.serial);
    const tbs = der.seq(
      der.explicit(0, der.int(2)),
      serial,
      ECDSA_SHA256,
      issuer,
      der.seq(der.utcTime(spec.notBefore), der.utcTime(spec.notAfter)),
      subject,
      spec.publicKey.export({ format: 'der', type: 'spki' }),
      der.explicit(3, der.seq(...spec.extensions.map(extension))),
    );
    const signature = sign('sha256', tbs, this.keys.privateKey);
    return { der: der.seq(tbs, ECDSA_SHA256, der.bits(signature)), subject, serial: serial.subarray(2) };
  }
}

export const EXT = {
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
} as const;
export const EKU = { codeSigning: '1.3.6.1.5.5.7.3.3', timeStamping: '1.3.6.1.5.5.7.3.8', serverAuth: '1.3.6.1.5.5.7.3.1' } as const;
export const FULCIO = '1.3.6.1.4.1.57264.1';

/**
 * How a hostile signing certificate departs from what Fulcio issues. Each field replaces one part of the
 * well-formed leaf; `extra` is appended as is (a duplicate, an unknown critical extension...).
 */
export interface LeafShape {
  /** GeneralName bytes and tag of the one SAN (default: the identity as a URI, 0x86). */
  san?: { tag?: number; bytes: Buffer };
  /** A SAN extension that names nobody. */
  emptySan?: boolean;
  /** basicConstraints cA=true on the leaf. */
  ca?: boolean;
  /** Extended key usages (default code signing). */
  eku?: readonly string[];
  /** The content of the issuer (v2, .8) extension instead of one DER UTF8String. */
  issuerV2?: Buffer;
  /** A deprecated issuer (v1, .1) extension with these raw bytes. */
  issuerV1?: string;
  extra?: readonly RawExtension[];
}

/** The leaf's extensions: Fulcio's, with the shape's departures. */
export function leafExtensions(
  identity: string,
  issuer: string,
  claims: Readonly<Record<string, string>>,
  shape: LeafShape,
): RawExtension[] {
  const san = shape.san ?? { tag: 0x86, bytes: Buffer.from(identity, 'latin1') };
  const exts: RawExtension[] = [
    { oid: EXT.keyUsage, critical: true, value: der.bits(Buffer.from([0x80]), 7) },
    { oid: EXT.extKeyUsage, value: der.seq(...(shape.eku ?? [EKU.codeSigning]).map(der.oid)) },
    { oid: EXT.subjectAltName, critical: true, value: shape.emptySan ? der.seq() : der.seq(tlv(san.tag ?? 0x86, san.bytes)) },
    { oid: `${FULCIO}.8`, value: shape.issuerV2 ?? der.utf8(issuer) },
  ];
  if (shape.ca) exts.push({ oid: EXT.basicConstraints, critical: true, value: der.seq(der.bool(true)) });
  if (shape.issuerV1 !== undefined) exts.push({ oid: `${FULCIO}.1`, value: Buffer.from(shape.issuerV1) });
  for (const [oid, value] of Object.entries(claims)) exts.push({ oid, value: der.utf8(value) });
  return [...exts, ...(shape.extra ?? [])];
}

// --- RFC 3161 ----------------------------------------------------------------------------------------------

/** A timestamp authority: a root and a signing certificate (EKU timeStamping), both from node:crypto. */
export class TimestampAuthority {
  readonly root = new Authority('tsa root');
  readonly signer = keyFromLabel('tsa signer');
  readonly leaf = this.root.issue({
    subject: 'tsa signer',
    publicKey: this.signer.publicKey,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
    extensions: [
      { oid: EXT.keyUsage, critical: true, value: der.bits(Buffer.from([0x80]), 7) },
      { oid: EXT.extKeyUsage, critical: true, value: der.seq(der.oid(EKU.timeStamping)) },
    ],
  });

  /** A TimeStampResp (what a bundle's signedTimestamp holds) over sha256(data) at `at`. */
  timestamp(data: Buffer, at: Date): Buffer {
    const tstInfo = der.seq(
      der.int(1),
      der.oid('1.3.6.1.4.1.57264.2'),
      der.seq(SHA256, der.octet(createHash('sha256').update(data).digest())),
      der.int(createHash('sha256').update(data).update(at.toISOString()).digest().subarray(0, 8)),
      der.generalizedTime(at),
    );
    const attrs = [
      der.seq(der.oid('1.2.840.113549.1.9.3'), der.set(der.oid('1.2.840.113549.1.9.16.1.4'))),
      der.seq(der.oid('1.2.840.113549.1.9.4'), der.set(der.octet(createHash('sha256').update(tstInfo).digest()))),
    ];
    // The signature covers the attributes as a SET; the token carries them under [0] IMPLICIT.
    const signature = sign('sha256', der.set(...attrs), this.signer.privateKey);
    const issuerAndSerial = der.seq(this.root.certificate.subject, der.int(this.leaf.serial));
    const signerInfo = der.seq(der.int(1), issuerAndSerial, SHA256, tlv(0xa0, ...attrs), ECDSA_SHA256, der.octet(signature));
    const signedData = der.seq(
      der.int(3),
      der.set(SHA256),
      der.seq(der.oid('1.2.840.113549.1.9.16.1.4'), der.explicit(0, der.octet(tstInfo))),
      der.set(signerInfo),
    );
    const token = der.seq(der.oid('1.2.840.113549.1.7.2'), der.explicit(0, signedData));
    return der.seq(der.seq(der.int(0)), token);
  }
}
