import type { ModelMetadata } from '../analyser.js';

/** Flattens an analyser's ModelMetadata into FileResult.metadata, the string map the ML-BOM reads. */
export function metadataRecord(m: ModelMetadata | undefined): Record<string, string> | undefined {
  if (m === undefined) return undefined;
  const { properties, ...known } = m;
  const out: Record<string, string> = { ...properties };
  for (const [k, v] of Object.entries(known)) if (typeof v === 'string') out[k] = v;
  return out;
}
