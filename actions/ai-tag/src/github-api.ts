import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getOctokit } from '@actions/github';

/** The GitHub reads and writes the ai-tag step needs; the gate takes this so tests can hand in their own. */
export interface PullRequestApi {
  /** GET /repos/{o}/{r}/pulls/{n}/commits, all pages (GitHub lists at most 250 commits). */
  listCommits(): Promise<unknown[]>;
  /** GET /repos/{o}/{r}/pulls/{n}/files, all pages (GitHub lists at most 3000 files). */
  listFiles(): Promise<unknown[]>;
  /** A file's text at a commit, or undefined when it does not exist there. */
  fileText(path: string, ref: string): Promise<string | undefined>;
  addLabel(name: string): Promise<void>;
  removeLabel(name: string): Promise<void>;
  /** The git-ai authorship note (refs/notes/ai) of a commit in the checkout, when present. */
  gitAiNote(sha: string): Promise<string | undefined>;
}

const run = promisify(execFile);

export function githubApi(token: string, repository: string, number: number, workspace: string): PullRequestApi {
  const [owner = '', repo = ''] = repository.split('/');
  const octokit = getOctokit(token);
  const pr = { owner, repo, pull_number: number, per_page: 100 };
  return {
    listCommits: () => octokit.paginate(octokit.rest.pulls.listCommits, pr),
    listFiles: () => octokit.paginate(octokit.rest.pulls.listFiles, pr),
    async fileText(path, ref) {
      try {
        const res = await octokit.rest.repos.getContent({ owner, repo, path, ref, mediaType: { format: 'raw' } });
        return typeof res.data === 'string' ? res.data : undefined;
      } catch (err) {
        if ((err as { status?: number }).status === 404) return undefined;
        throw err;
      }
    },
    async addLabel(name) {
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [name] });
    },
    async removeLabel(name) {
      try {
        await octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name });
      } catch (err) {
        if ((err as { status?: number }).status !== 404) throw err;
      }
    },
    async gitAiNote(sha) {
      // Notes travel only when fetched (git fetch origin refs/notes/ai:refs/notes/ai); absent notes are not an error.
      try {
        const { stdout } = await run('git', ['notes', '--ref=ai', 'show', sha], { cwd: workspace, maxBuffer: 16 * 1024 * 1024 });
        return stdout;
      } catch {
        return undefined;
      }
    },
  };
}
