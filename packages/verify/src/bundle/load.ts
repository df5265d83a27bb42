import { type Bundle, bundleFromJSON } from '@sigstore/bundle';
import { VerifyError } from '../errors.js';

/** Parse one Sigstore bundle from JSON text or an already-parsed value. Attacker-controlled: any defect is BUNDLE_INVALID. */
export function parseBundle(input: unknown, source = 'bundle'): Bundle {
  let value = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      value = JSON.parse(input.toString());
    } catch (cause) {
      throw new VerifyError(
        'BUNDLE_INVALID',
        `${source} is not valid JSON (${(cause as Error).message}); pass a Sigstore bundle (.sigstore.json)`,
        {
          cause,
          file: source,
        },
      );
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VerifyError('BUNDLE_INVALID', `${source} is not a JSON object; pass a Sigstore bundle (.sigstore.json)`, { file: source });
  }
  try {
    return bundleFromJSON(value);
  } catch (cause) {
    throw new VerifyError('BUNDLE_INVALID', `${source} is not a valid Sigstore bundle: ${(cause as Error).message}`, {
      cause,
      file: source,
    });
  }
}

/**
 * Parse a file that holds one bundle (JSON) or several (JSON Lines, as `gh attestation download` and the attestations
 * API produce). The attestations API wraps each bundle as `{"bundle": ...}`; both forms are accepted.
 */
export function parseBundles(text: string, source = 'bundle'): Bundle[] {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new VerifyError('BUNDLE_INVALID', `${source} is empty; pass a Sigstore bundle or JSON Lines of bundles`, { file: source });
  let single: unknown;
  try {
    single = JSON.parse(trimmed);
  } catch {
    single = undefined;
  }
  const values: unknown[] = [];
  if (single !== undefined) values.push(single);
  else {
    for (const [i, line] of trimmed.split('\n').entries()) {
      if (line.trim() === '') continue;
      try {
        values.push(JSON.parse(line));
      } catch (cause) {
        throw new VerifyError('BUNDLE_INVALID', `${source}:${i + 1} is not valid JSON (${(cause as Error).message})`, {
          cause,
          file: source,
        });
      }
    }
  }
  return values.map((v, i) => parseBundle(unwrapAttestation(v), values.length > 1 ? `${source}:${i + 1}` : source));
}

function unwrapAttestation(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'bundle' in value && !('mediaType' in value))
    return (value as { bundle: unknown }).bundle;
  return value;
}
