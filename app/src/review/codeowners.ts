import type { ArchitectureReviewRule } from '@trustgate/core';
import picomatch from 'picomatch';

interface OwnerLine {
  pattern: string;
  owners: string[];
}

/** Parse CODEOWNERS text (attacker-controlled only through the base branch; malformed lines are skipped). */
export function parseCodeowners(text: string): OwnerLine[] {
  const lines: OwnerLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern) lines.push({ pattern, owners: owners.filter((o) => o.startsWith('@')) });
  }
  return lines;
}

// CODEOWNERS patterns follow gitignore: no slash means "anywhere", a leading slash anchors, a trailing slash is a dir.
function toGlob(pattern: string): string {
  let p = pattern;
  const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
  p = p.replace(/^\//, '');
  if (p.endsWith('/')) p = `${p}**`;
  else if (!p.includes('*')) p = `${p}{,/**}`;
  return anchored ? p : `**/${p}`;
}

/** One rule per owned changed file group: the last matching CODEOWNERS line owns a file, as on GitHub. */
export function codeownerRules(lines: readonly OwnerLine[], changedFiles: readonly string[]): ArchitectureReviewRule[] {
  const matchers = lines.map((l) => ({ ...l, match: picomatch(toGlob(l.pattern), { dot: true }) }));
  const byPattern = new Map<string, { owners: string[]; files: string[] }>();
  for (const file of changedFiles) {
    let owner: (typeof matchers)[number] | undefined;
    for (const m of matchers) if (m.match(file)) owner = m;
    if (!owner || owner.owners.length === 0) continue;
    const entry = byPattern.get(owner.pattern) ?? { owners: owner.owners, files: [] };
    entry.files.push(file);
    byPattern.set(owner.pattern, entry);
  }
  return [...byPattern].map(([pattern, { owners, files }]) => ({
    name: `CODEOWNERS ${pattern}`,
    paths: files,
    teams: owners.filter((o) => o.includes('/')).map((o) => o.slice(1)),
    users: owners.filter((o) => !o.includes('/')).map((o) => o.slice(1)),
    count: 1,
  }));
}
