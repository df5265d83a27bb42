// Puts a sample value where a rule of the given field looks: a commit of the GitHub commit list, the PR payload
// (pull_request.opened of @octokit/webhooks-examples), or a provenance record.
import type { ClassifyOptions } from '@trustgate/attribution';
import type { CommitVariation, PrVariation } from '../fixtures/github.js';

export function placed(r: { on: string; value: string; trailer?: string }): {
  pr: PrVariation;
  commits: CommitVariation[];
  options: ClassifyOptions;
} {
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
    case 'agent-trace':
      return { pr: {}, commits: [], options: { provenance: [{ source: r.on, tool: r.value }] } };
    case 'name-suffix':
      return { pr: {}, commits: commit({ authorName: r.value }), options: {} };
    case 'subject':
      return { pr: {}, commits: commit({ message: r.value }), options: {} };
    default:
      throw new Error(`unknown field ${r.on}`);
  }
}
