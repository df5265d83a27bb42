/** The pull request a merge queue ref holds: `refs/heads/gh-readonly-queue/<base>/pr-<n>-<sha>` (the last one queued). */
export function pullRequestOfMergeGroup(headRef: string): number | undefined {
  const m = /\/pr-(\d+)-[0-9a-f]{7,64}$/.exec(headRef);
  return m ? Number(m[1]) : undefined;
}
