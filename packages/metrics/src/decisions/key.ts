import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DecisionLogError } from './errors.js';

/** The key that signs decision records, and its id: `sha256:` of its public key's SPKI DER (what records name). */
export interface DecisionSigner {
  privateKey: KeyObject;
  keyId: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return `sha256:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

/** An Ed25519 private key in PEM; `where` names the file or variable it came from, for the error. */
export function decisionSigner(pem: string, where: string): DecisionSigner {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (cause) {
    throw new DecisionLogError('DECISION_KEY_INVALID', `${where} is not a PEM private key: ${(cause as Error).message}`, { cause });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw notEd25519(where, privateKey.asymmetricKeyType);
  return { privateKey, keyId: keyIdOf(createPublicKey(privateKey)) };
}

/** A public key a verifier trusts (PEM; a private key is accepted and its public half used), by key id. */
export function trustedDecisionKey(pem: string, where: string): { keyId: string; publicKey: KeyObject } {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch (cause) {
    throw new DecisionLogError('DECISION_KEY_INVALID', `${where} is not a PEM public key: ${(cause as Error).message}`, { cause });
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') throw notEd25519(where, publicKey.asymmetricKeyType);
  return { keyId: keyIdOf(publicKey), publicKey };
}

function notEd25519(where: string, type: string | undefined): DecisionLogError {
  return new DecisionLogError(
    'DECISION_KEY_INVALID',
    `${where} is a ${type ?? 'unknown'} key; decision records are signed with Ed25519 (openssl genpkey -algorithm ed25519)`,
  );
}

/**
 * The signer the CLI and the App use: the PEM file `file`, else `$TRUSTGATE_DECISION_KEY_FILE`, else the PEM text in
 * `$TRUSTGATE_DECISION_KEY`; undefined when none is set.
 */
export async function decisionSignerFrom(
  file: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DecisionSigner | undefined> {
  const path = file ?? env.TRUSTGATE_DECISION_KEY_FILE;
  if (path) {
    let pem: string;
    try {
      pem = await readFile(path, 'utf8');
    } catch (cause) {
      throw new DecisionLogError('DECISION_KEY_INVALID', `cannot read the decision signing key ${path}: ${(cause as Error).message}`, {
        cause,
        file: path,
      });
    }
    return decisionSigner(pem, path);
  }
  return env.TRUSTGATE_DECISION_KEY ? decisionSigner(env.TRUSTGATE_DECISION_KEY, '$TRUSTGATE_DECISION_KEY') : undefined;
}
