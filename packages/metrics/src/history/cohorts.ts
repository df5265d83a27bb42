import { type ClassifyOptions, type CommitFacts, classifyFacts, loginFromNoreply, type PullRequestFacts } from '@trustgate/attribution';
import type { GitCommit } from '../ledger/backfill/git-log.js';
import type { Cohort } from '../ledger/types.js';
import { mergedPullRequestNumber } from '../measures/classify.js';

/** What the attribution engine reads from a git commit (the API's login comes from GitHub's noreply address). */
export function commitFacts(c: GitCommit): CommitFacts {
  const facts: CommitFacts = {
    sha: c.sha,
    message: c.message,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    committerName: c.committerName,
    committerEmail: c.committerEmail,
  };
  const author = loginFromNoreply(c.authorEmail);
  const committer = loginFromNoreply(c.committerEmail);
  if (author) facts.authorLogin = author;
  if (committer) facts.committerLogin = committer;
  return facts;
}

const NO_PR: PullRequestFacts = {
  repository: '',
  number: 0,
  author: '',
  authorType: 'User',
  body: '',
  title: '',
  headRef: '',
  headSha: '',
  labels: [],
};

/** Whether a commit carries any marker of its own (only such commits of a merged branch can change its cohort). */
export function hasMarkers(c: GitCommit, options: ClassifyOptions): boolean {
  return classifyFacts(NO_PR, [commitFacts(c)], options).markers.length > 0;
}

/**
 * The cohort of a default-branch commit as the attribution engine decides it: the commit stands for the pull
 * request it merged (GitHub's merge subject names the branch; a squash merge's body is the PR's description), and
 * the commits a merge brought in count as the PR's commits.
 */
export function commitCohort(
  repo: string,
  c: GitCommit,
  merged: readonly GitCommit[],
  options: ClassifyOptions,
): { cohort: Cohort; agent: string | null } {
  const [subject = '', ...rest] = c.message.split('\n');
  const facts = commitFacts(c);
  const author = facts.authorLogin ?? c.authorName;
  const branch = /^Merge pull request #\d+ from [^/\s]+\/(\S+)/.exec(subject)?.[1] ?? '';
  const pr: PullRequestFacts = {
    repository: repo,
    number: mergedPullRequestNumber(c.message) ?? 0,
    author,
    authorType: /\[bot\]$/i.test(author) ? 'Bot' : 'User',
    body: rest.join('\n').trim(),
    title: subject,
    headRef: branch,
    headSha: c.sha,
    labels: [],
  };
  const result = classifyFacts(pr, [facts, ...merged.map(commitFacts)], options);
  return { cohort: result.cohort, agent: result.agent };
}
