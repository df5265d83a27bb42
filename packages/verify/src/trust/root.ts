import { readFile } from 'node:fs/promises';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { asTrustgateError } from '@trustgate/core';
import { VerifyError } from '../errors.js';
import { PUBLIC_GOOD_SNAPSHOT, PUBLIC_GOOD_TRUSTED_ROOT } from './public-good.generated.js';

/**
 * A trusted root as the user gives it: `trusted_root.json` text, JSON Lines of several roots (as
 * `gh attestation trusted-root` prints: public-good and GitHub's instance), or already-parsed JSON.
 * Absent means the bundled public-good snapshot.
 */
export type TrustedRootInput = string | object | readonly object[];

export interface LoadedTrustedRoots {
  roots: TrustedRoot[];
  /** Where the roots came from, for reports. */
  source: string;
  warnings: string[];
}

/** How old the bundled snapshot may get before we say so; rotated keys would then be missing. */
const STALE_AFTER_DAYS = 180;

export function bundledTrustedRoot(now: Date = new Date()): LoadedTrustedRoots {
  const age = (now.getTime() - Date.parse(PUBLIC_GOOD_SNAPSHOT.takenAt)) / 86_400_000;
  const warnings =
    age > STALE_AFTER_DAYS
      ? [
          `the bundled public-good trusted root was taken on ${PUBLIC_GOOD_SNAPSHOT.takenAt} (${Math.floor(age)} days ago); ` +
            'pass a current trusted_root.json with --trusted-root if verification fails on newer keys',
        ]
      : [];
  return {
    roots: [validateTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT, 'bundled public-good trusted root')],
    source: 'public-good (bundled)',
    warnings,
  };
}

export function loadTrustedRoots(input: TrustedRootInput | undefined, source = 'trusted root'): LoadedTrustedRoots {
  if (input === undefined) return bundledTrustedRoot();
  const values = typeof input === 'string' ? parseRootText(input, source) : Array.isArray(input) ? input : [input];
  if (values.length === 0) throw new VerifyError('TRUSTED_ROOT_INVALID', `${source} holds no trusted root`, { file: source });
  return { roots: values.map((v, i) => validateTrustedRoot(v, values.length > 1 ? `${source}:${i + 1}` : source)), source, warnings: [] };
}

export async function loadTrustedRootFile(file: string): Promise<LoadedTrustedRoots> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new VerifyError('IO_ERROR', `trusted root: ${asTrustgateError(cause, file).message}`, { cause, file });
  }
  return loadTrustedRoots(text, file);
}

function parseRootText(text: string, source: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    // not one JSON document: try JSON Lines
  }
  const out: unknown[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (cause) {
      throw new VerifyError('TRUSTED_ROOT_INVALID', `${source}:${i + 1} is not valid JSON; pass a trusted_root.json`, {
        cause,
        file: source,
      });
    }
  }
  return out;
}

/**
 * Check a trusted root before use. Every transparency log, CA, CT log and TSA must say since when it is trusted:
 * an entry without a validity start would otherwise be trusted since the beginning of time (the sigstore-conformance
 * case trust-root-tlog-missing-validity-start_fail, which @sigstore/verify accepts).
 */
export function validateTrustedRoot(value: unknown, source: string): TrustedRoot {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VerifyError('TRUSTED_ROOT_INVALID', `${source} is not a JSON object; pass a trusted_root.json`, { file: source });
  }
  const raw = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['tlogs', 'ctlogs', 'certificateAuthorities', 'timestampAuthorities'] as const) {
    const list = raw[field] ?? [];
    if (!Array.isArray(list)) {
      problems.push(`${field} is not an array`);
      continue;
    }
    list.forEach((entry: unknown, i) => {
      const validFor = field === 'tlogs' || field === 'ctlogs' ? dig(entry, 'publicKey', 'validFor') : dig(entry, 'validFor');
      const start = dig(validFor, 'start');
      if (typeof start !== 'string' || Number.isNaN(Date.parse(start))) {
        const where = field === 'tlogs' || field === 'ctlogs' ? 'publicKey.validFor.start' : 'validFor.start';
        problems.push(`${field}[${i}] (${String(dig(entry, 'baseUrl') ?? dig(entry, 'uri') ?? '?')}) has no ${where}`);
      }
    });
  }
  if (problems.length > 0) {
    throw new VerifyError('TRUSTED_ROOT_INVALID', `${source} is not usable: ${problems.join('; ')}; every entry needs a validity start`, {
      file: source,
    });
  }
  try {
    return TrustedRoot.fromJSON(raw);
  } catch (cause) {
    throw new VerifyError('TRUSTED_ROOT_INVALID', `${source} is not a valid trusted root: ${(cause as Error).message}`, {
      cause,
      file: source,
    });
  }
}

function dig(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}
