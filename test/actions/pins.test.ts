import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isIllustrative, repoSnippets, snippetKind, where } from '../support/markdown-snippets.js';
import { RECORDED, REPO } from '../support/runner/index.js';

// Every third-party action this repository uses or tells users to use is pinned to a full commit SHA (a tag can be
// moved to other code), with its release in a comment, and is the release whose inputs the local runner recorded.
const yamlFiles = (dir: string) =>
  existsSync(join(REPO, dir))
    ? readdirSync(join(REPO, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [];
const sources: { name: string; text: string }[] = [
  ...['action.yml', ...readdirSync(join(REPO, 'actions')).map((d) => `actions/${d}/action.yml`)]
    .filter((f) => existsSync(join(REPO, f)))
    .map((f) => ({ name: f, text: readFileSync(join(REPO, f), 'utf8') })),
  ...[...yamlFiles('.github/workflows'), ...yamlFiles('examples/workflows')].map((f) => ({
    name: f,
    text: readFileSync(join(REPO, f), 'utf8'),
  })),
  ...repoSnippets(REPO)
    .filter((s) => snippetKind(s) === 'workflow' && !isIllustrative(s))
    .map((s) => ({ name: where(s), text: s.text })),
];

const uses = sources.flatMap(({ name, text }) =>
  [...text.matchAll(/uses:\s*['"]?([^\s'"#]+)['"]?[^\S\n]*(?:#\s*(\S+))?/g)].map((m) => ({ name, ref: m[1] as string, comment: m[2] })),
);
const own = (ref: string) => ref.startsWith('./') || /^(<owner>|trustgate)\/trustgate([/@])/.test(ref);
const thirdParty = uses.filter((u) => !own(u.ref));

describe('third-party actions are pinned by full SHA', () => {
  it('the repository uses third-party actions at all (the check is not vacuous)', () => {
    expect(thirdParty.length).toBeGreaterThan(5);
  });

  it.each(thirdParty.map((u) => [`${u.name}: ${u.ref}`, u] as const))('%s', (_label, u) => {
    const [action, ref] = u.ref.split('@') as [string, string];
    expect(ref).toMatch(/^[0-9a-f]{40}$/);
    const recorded = RECORDED[action];
    expect(recorded).toBeDefined();
    expect(ref).toBe(recorded?.sha);
    expect(u.comment).toBe(recorded?.version);
  });
});
