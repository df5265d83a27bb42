import type { SqlClient } from '../store/sql.js';

/**
 * The commit the first human review saw (earliest submitted, then lowest id), from which in-PR rework is measured
 * at merge; undefined when no human reviewed. The App (at `closed`) and the backfill both ask here.
 */
export async function firstHumanReviewCommit(db: SqlClient, repo: string, number: number): Promise<string | undefined> {
  const { rows } = await db.query<{ commit_id: string }>(
    'select commit_id from tt_reviews where repo = $1 and number = $2 and not automated order by submitted_at, id limit 1',
    [repo, number],
  );
  return rows[0]?.commit_id;
}
