import type { Waiver } from '@trustgate/core';

/** A date-only expiry (`2026-12-31`) runs to the end of that day, UTC; a full timestamp is taken as is. */
export function waiverExpiry(waiver: Waiver): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(waiver.expires);
  const ms = Date.parse(dateOnly ? `${waiver.expires}T00:00:00Z` : waiver.expires);
  // An unparseable expiry counts as already expired: a waiver never outlives what its author wrote.
  if (Number.isNaN(ms)) return new Date(0);
  return new Date(dateOnly ? ms + 86_400_000 : ms);
}

export function isActive(waiver: Waiver, now: Date): boolean {
  return waiverExpiry(waiver).getTime() > now.getTime();
}
