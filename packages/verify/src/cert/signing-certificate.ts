import { VerifyError } from '../errors.js';
import { children, DerError, type DerNode, expectTag, readBits, readBoolean, readOid, readOne, readSmallInteger, TAG } from './der.js';

/**
 * The signing (leaf) certificate, read by trustgate itself before anything in it is trusted. @sigstore/core reads
 * the SAN with Buffer#toString('ascii'), which drops the high bit of every byte, takes the first of duplicate
 * extensions and never looks at criticality, EKU or the CA bit of the leaf. Go's crypto/x509 (which cosign,
 * sigstore-go and gh use) refuses such certificates; so do we, each with a reason a test can assert.
 */

/** What a Fulcio certificate says about its signer (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
export interface SignerClaims {
  subjectAlternativeName: string;
  issuer?: string;
  buildSignerUri?: string;
  buildSignerDigest?: string;
  runnerEnvironment?: string;
  sourceRepositoryUri?: string;
  sourceRepositoryDigest?: string;
  sourceRepositoryRef?: string;
  sourceRepositoryIdentifier?: string;
  sourceRepositoryOwnerUri?: string;
  sourceRepositoryOwnerIdentifier?: string;
  buildConfigUri?: string;
  buildConfigDigest?: string;
  buildTrigger?: string;
  runInvocationUri?: string;
  sourceRepositoryVisibilityAtSigning?: string;
}

/** Why a signing certificate was refused; `details.reason` of the CERTIFICATE_INVALID error. */
export type CertificateDefect =
  | 'DER_INVALID'
  | 'VERSION_INVALID'
  | 'SIGNATURE_ALGORITHM_MISMATCH'
  | 'DUPLICATE_EXTENSION'
  | 'UNKNOWN_CRITICAL_EXTENSION'
  | 'SAN_MISSING'
  | 'SAN_EMPTY'
  | 'SAN_NOT_ASCII'
  | 'SAN_AMBIGUOUS'
  | 'LEAF_IS_CA'
  | 'KEY_USAGE_INVALID'
  | 'EKU_NOT_CODE_SIGNING'
  | 'FULCIO_EXTENSION_INVALID'
  | 'ISSUER_MISMATCH';

const FULCIO = '1.3.6.1.4.1.57264.1';
const CLAIM_OIDS: ReadonlyArray<[Exclude<keyof SignerClaims, 'subjectAlternativeName'>, number]> = [
  ['issuer', 8],
  ['buildSignerUri', 9],
  ['buildSignerDigest', 10],
  ['runnerEnvironment', 11],
  ['sourceRepositoryUri', 12],
  ['sourceRepositoryDigest', 13],
  ['sourceRepositoryRef', 14],
  ['sourceRepositoryIdentifier', 15],
  ['sourceRepositoryOwnerUri', 16],
  ['sourceRepositoryOwnerIdentifier', 17],
  ['buildConfigUri', 18],
  ['buildConfigDigest', 19],
  ['buildTrigger', 20],
  ['runInvocationUri', 21],
  ['sourceRepositoryVisibilityAtSigning', 22],
];
/** The deprecated issuer extension holds the raw bytes of the URL, not a DER string. */
const ISSUER_V1 = `${FULCIO}.1`;
const OTHERNAME_SAN = `${FULCIO}.7`;

const EXT = {
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;
/** Extensions Go's crypto/x509 processes; any other one marked critical makes Verify fail (UnhandledCriticalExtension). */
const HANDLED = new Set<string>(Object.values(EXT));
const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';

class Defect extends Error {
  constructor(
    readonly reason: CertificateDefect,
    message: string,
  ) {
    super(message);
  }
}

/** Read and check the leaf; every defect is CERTIFICATE_INVALID with `details.reason`. */
export function readSigningCertificate(der: Uint8Array): SignerClaims {
  try {
    return read(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
  } catch (err) {
    const defect =
      err instanceof Defect ? err : err instanceof DerError ? new Defect('DER_INVALID', `it is not valid DER (${err.message})`) : undefined;
    if (!defect) throw err;
    throw new VerifyError(
      'CERTIFICATE_INVALID',
      `the signing certificate is refused: ${defect.message} [${defect.reason}]; Fulcio never issues such a certificate`,
      { details: { reason: defect.reason } },
    );
  }
}

function read(der: Buffer): SignerClaims {
  const [tbs, outerAlg, signature, ...rest] = children(readOne(der, TAG.sequence));
  if (rest.length > 0 || signature?.tag !== TAG.bitString) throw new DerError('a certificate is tbsCertificate, algorithm, signature');
  const fields = children(expectTag(tbs, TAG.sequence, 'tbsCertificate'));
  const version = fields[0]?.tag === 0xa0 ? readSmallInteger(readOne((fields.shift() as DerNode).value)) : 0;
  if (version !== 2) throw new Defect('VERSION_INVALID', `it is X.509 v${version + 1}; signing certificates are v3`);
  const [, innerAlg, , , , , ...optional] = fields;
  if (!innerAlg || !outerAlg || !innerAlg.raw.equals(outerAlg.raw)) {
    throw new Defect('SIGNATURE_ALGORITHM_MISMATCH', 'the signed and the outer signature algorithms differ');
  }
  const extensionsNode = optional.find((n) => n.tag === 0xa3);
  const extensions = extensionsNode ? readExtensions(readOne(extensionsNode.value, TAG.sequence)) : new Map<string, Extension>();

  checkCaAndUsage(extensions);
  const claims: SignerClaims = { subjectAlternativeName: readSan(extensions.get(EXT.subjectAltName)) };
  for (const [name, arc] of CLAIM_OIDS) {
    const ext = extensions.get(`${FULCIO}.${arc}`);
    if (ext) claims[name] = derUtf8(ext.value, `${FULCIO}.${arc}`);
  }
  const v1 = extensions.get(ISSUER_V1);
  if (v1) {
    const issuerV1 = utf8(v1.value, ISSUER_V1);
    // sigstore-go lets whichever extension comes last win; two different issuers in one certificate is refused here.
    if (claims.issuer !== undefined && claims.issuer !== issuerV1) {
      throw new Defect('ISSUER_MISMATCH', `its issuer extensions disagree (${ISSUER_V1}: ${issuerV1}, ${FULCIO}.8: ${claims.issuer})`);
    }
    claims.issuer = issuerV1;
  }
  return claims;
}

interface Extension {
  critical: boolean;
  value: Buffer;
}

function readExtensions(seq: DerNode): Map<string, Extension> {
  const out = new Map<string, Extension>();
  for (const ext of children(seq)) {
    const parts = children(expectTag(ext, TAG.sequence, 'extension'));
    const oid = readOid(expectTag(parts[0], TAG.oid, 'extension id'));
    const hasCritical = parts.length === 3;
    if (parts.length !== 2 && !hasCritical) throw new DerError(`extension ${oid} has ${parts.length} fields`);
    const critical = hasCritical ? readBoolean(parts[1] as DerNode) : false;
    const value = expectTag(parts[hasCritical ? 2 : 1], TAG.octetString, `extension ${oid} value`).value;
    if (out.has(oid)) throw new Defect('DUPLICATE_EXTENSION', `extension ${oid} appears twice`);
    if (critical && !HANDLED.has(oid)) throw new Defect('UNKNOWN_CRITICAL_EXTENSION', `extension ${oid} is critical and not understood`);
    out.set(oid, { critical, value });
  }
  return out;
}

function checkCaAndUsage(extensions: Map<string, Extension>): void {
  const bc = extensions.get(EXT.basicConstraints);
  if (bc) {
    const [ca] = children(readOne(bc.value, TAG.sequence));
    if (ca?.tag === TAG.boolean && readBoolean(ca)) throw new Defect('LEAF_IS_CA', 'it is a CA certificate (basicConstraints cA)');
  }
  const ku = extensions.get(EXT.keyUsage);
  if (!ku) throw new Defect('KEY_USAGE_INVALID', 'it has no key usage');
  const bit = readBits(readOne(ku.value));
  if (bit(5)) throw new Defect('LEAF_IS_CA', 'its key usage allows signing certificates (keyCertSign)');
  if (!bit(0)) throw new Defect('KEY_USAGE_INVALID', 'its key usage does not allow digital signatures');
  const eku = extensions.get(EXT.extKeyUsage);
  const usages = eku ? children(readOne(eku.value, TAG.sequence)).map(readOid) : [];
  if (!usages.includes(CODE_SIGNING)) throw new Defect('EKU_NOT_CODE_SIGNING', 'its extended key usage does not include code signing');
}

/** Exactly one SAN, a URI or e-mail (IA5String) or Fulcio's otherName username (UTF8String), printable ASCII. */
function readSan(ext: Extension | undefined): string {
  if (!ext) throw new Defect('SAN_MISSING', 'it has no subject alternative name');
  const names = children(readOne(ext.value, TAG.sequence));
  if (names.length === 0) throw new Defect('SAN_EMPTY', 'its subject alternative name extension is empty');
  if (names.length > 1) throw new Defect('SAN_AMBIGUOUS', `it names ${names.length} identities; Fulcio issues one`);
  const name = names[0] as DerNode;
  let bytes: Buffer;
  if (name.tag === 0x86 || name.tag === 0x81) bytes = name.value;
  else if (name.tag === 0xa0) {
    const [type, value] = children(name);
    if (!type || readOid(type) !== OTHERNAME_SAN || value?.tag !== 0xa0) throw new Defect('SAN_AMBIGUOUS', 'its otherName is not Fulcio’s');
    bytes = readOne(value.value, TAG.utf8String).value;
  } else throw new Defect('SAN_AMBIGUOUS', `its subject alternative name has an unsupported type (tag 0x${name.tag.toString(16)})`);
  if (bytes.length === 0) throw new Defect('SAN_EMPTY', 'its subject alternative name is empty');
  // Go's isIA5String refuses bytes above 0x7F; controls and spaces have no place in a URI or an address either.
  if (bytes.some((b) => b < 0x21 || b > 0x7e)) {
    throw new Defect('SAN_NOT_ASCII', `its subject alternative name has bytes outside printable ASCII (${bytes.toString('hex')})`);
  }
  return bytes.toString('latin1');
}

/** Fulcio v2 extensions: exactly one DER UTF8String, nothing after it (sigstore-go ParseDERString). */
function derUtf8(value: Buffer, oid: string): string {
  let node: DerNode;
  try {
    node = readOne(value, TAG.utf8String);
  } catch (err) {
    throw new Defect('FULCIO_EXTENSION_INVALID', `extension ${oid} is not one DER UTF8String (${(err as Error).message})`);
  }
  return utf8(node.value, oid);
}

function utf8(bytes: Buffer, oid: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Defect('FULCIO_EXTENSION_INVALID', `extension ${oid} is not UTF-8`);
  }
}
