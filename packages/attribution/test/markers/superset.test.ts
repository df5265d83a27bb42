import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { BUILTIN_RULES_FILE, type ClassifyOptions, classifyPullRequest } from '@trustgate/attribution';
import { apiCommit, type CommitVariation, type PrVariation, prEvent } from '../fixtures/github.js';

// rules/peers.json records the rules of other open detectors (CHAOSS disclosure, coderbuds ai-detector) with the
// version read, one sample per rule. Each sample, put where the peer looks, must be matched by a trustgate rule
// naming the same agent: the catalogue is a superset of theirs.
interface PeerRule {
  peer: string;
  rule: string;
  on: string;
  value: string;
  expect: string;
  trailer?: string;
}
const peers = JSON.parse(readFileSync(new URL('../../rules/peers.json', import.meta.url), 'utf8')) as {
  peers: Record<string, { name: string; url: string; version: string }>;
  rules: PeerRule[];
};

function input(r: PeerRule): { pr: PrVariation; commits: CommitVariation[]; options: ClassifyOptions } {
  const commit = (v: Partial<CommitVariation>): CommitVariation[] => [{ message: 'Change', ...v }];
  switch (r.on) {
    case 'author-email':
      return { pr: {}, commits: commit({ authorEmail: r.value, authorLogin: null }), options: {} };
    case 'committer-email':
      return { pr: {}, commits: commit({ committerEmail: r.value, committerLogin: null }), options: {} };
    case 'author-login':
      return { pr: {}, commits: commit({ authorLogin: r.value }), options: {} };
    case 'author-name':
      return { pr: {}, commits: commit({ authorName: r.value }), options: {} };
    case 'trailer':
      return { pr: {}, commits: commit({ message: `Change\n\n${r.trailer}: ${r.value}` }), options: {} };
    case 'message':
      return { pr: {}, commits: commit({ message: r.value }), options: {} };
    case 'pr-body':
      return { pr: { body: r.value }, commits: [], options: {} };
    case 'pr-title':
      return { pr: { title: r.value }, commits: [], options: {} };
    case 'pr-author':
      return { pr: { author: r.value, authorType: 'Bot' }, commits: [], options: {} };
    case 'branch':
      return { pr: { branch: r.value }, commits: [], options: {} };
    case 'label':
      return { pr: { labels: [r.value] }, commits: [], options: {} };
    case 'git-ai-note':
      return { pr: {}, commits: [], options: { provenance: [{ source: 'git-ai-note', tool: r.value }] } };
    default:
      throw new Error(`peers.json: unknown field ${r.on}`);
  }
}

describe('the marker catalogue is a strict superset of the recorded open detectors', () => {
  test('every peer is recorded with the source version its rules were read from', () => {
    for (const p of Object.values(peers.peers)) expect(p.version.length).toBeGreaterThan(10);
    expect(peers.rules.length).toBeGreaterThan(250);
  });

  test.each(peers.rules.map((r) => [`${r.peer}: ${r.rule}`, r] as const))('%s', (_name, r) => {
    const { pr, commits, options } = input(r);
    const result = classifyPullRequest(prEvent(pr), commits.map(apiCommit), options);
    const expected = BUILTIN_RULES_FILE.aliases?.[r.expect] ?? r.expect;
    expect(result.markers.map((m) => m.agent)).toContain(expected);
  });

  test('strict: trustgate rules match what no peer sample shows', () => {
    const hit = new Set<string>();
    for (const r of peers.rules) {
      const { pr, commits, options } = input(r);
      for (const m of classifyPullRequest(prEvent(pr), commits.map(apiCommit), options).markers) hit.add(m.rule);
    }
    const beyond = BUILTIN_RULES_FILE.rules.filter((r) => !hit.has(r.id)).map((r) => r.id);
    // e.g. Qwen Code, OpenHands, Amp and Copilot's copilot/ branch documentation are in no peer's list.
    expect(beyond).toEqual(expect.arrayContaining(['TG-AI-100', 'TG-AI-060', 'TG-AI-193']));
  });
});
