import { MetricsError } from '../errors.js';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--since 30d` (h, d, w) or an ISO date, relative to `asOf`; returns the ISO lower bound on merge time. */
export function parseSince(since: string, asOf: string): string {
  const rel = /^(\d+)([hdw])$/.exec(since);
  if (rel) return new Date(Date.parse(asOf) - Number(rel[1]) * (UNIT_MS[rel[2] as string] as number)).toISOString();
  const t = Date.parse(since);
  if (Number.isNaN(t))
    throw new MetricsError(
      'TRUST_TAX_INPUT_ERROR',
      `--since ${since} is neither a duration (30d, 12w, 48h) nor a date; use e.g. --since 90d`,
    );
  return new Date(t).toISOString();
}
