import type { Statement } from '@trustgate/core';

// Where each predicate records when it was made; the first present wins.
const TIME_FIELDS: readonly (readonly string[])[] = [
  ['timeVerified'],
  ['approvedAt'],
  ['timestamp'],
  ['createdAt'],
  ['runDetails', 'metadata', 'finishedOn'],
  ['runDetails', 'metadata', 'startedOn'],
];

/** The predicate's own timestamp as ISO text, if it has a parseable one (attacker-controlled: checked). */
export function predicateTime(statement: Statement): string | undefined {
  for (const path of TIME_FIELDS) {
    let value: unknown = statement.predicate;
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    }
  }
  return undefined;
}
