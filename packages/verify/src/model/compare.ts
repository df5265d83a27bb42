/** One way the model on disk differs from what was signed. */
export interface ModelDifference {
  kind: 'changed' | 'missing' | 'extra';
  /** Resource name: a file path relative to the model, or `path:start:end` for a shard. */
  name: string;
  expected?: string;
  actual?: string;
}

/** Compare signed digests with the ones computed; pure, so every rule is visible in one place. */
export function compareManifests(signed: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string | undefined>): ModelDifference[] {
  const out: ModelDifference[] = [];
  for (const [name, expected] of signed) {
    if (!actual.has(name)) out.push({ kind: 'missing', name, expected });
    else {
      const got = actual.get(name);
      if (got !== expected) out.push({ kind: 'changed', name, expected, actual: got ?? '(not hashed)' });
    }
  }
  for (const name of actual.keys()) if (!signed.has(name)) out.push({ kind: 'extra', name });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function describeDifferences(diffs: readonly ModelDifference[]): string {
  return diffs
    .map((d) =>
      d.kind === 'changed'
        ? `${d.name}: changed (signed ${d.expected}, now ${d.actual})`
        : d.kind === 'missing'
          ? `${d.name}: missing (signed but not found)`
          : `${d.name}: extra (present but not signed)`,
    )
    .join('; ');
}
