import type { SqlClient } from './sql.js';

export interface AgentPullRequest {
  repository: string;
  number: number;
  agent: string;
  initiator?: string;
  openedAt: Date;
  deliveryId: string;
}

/**
 * Count a pull request against its agent's and initiator's budgets (once, however often it is seen) and return the
 * pull requests of each in the window (from, to], this one included: one statement, where the window's rows are
 * read before the insert and the inserted row is added to them.
 */
export async function recordAgentPullRequest(
  db: SqlClient,
  pr: AgentPullRequest,
  window: { from: Date; to: Date },
): Promise<{ agent: number; initiator: number }> {
  const { rows } = await db.query<{ agent: string | number; initiator: string | number }>(
    `with inserted as (
       insert into agent_pull_requests (repository, number, agent, initiator, opened_at, delivery_id)
       values ($1, $2, $3, $4, $5, $6) on conflict (repository, number) do nothing
       returning agent, initiator, opened_at
     ), in_window as (
       select agent, initiator from agent_pull_requests where opened_at > $7 and opened_at <= $8
       union all
       select agent, initiator from inserted where opened_at > $7 and opened_at <= $8
     )
     select count(*) filter (where agent = $3) as agent,
            count(*) filter (where initiator is not null and initiator = $4) as initiator
       from in_window`,
    [
      pr.repository,
      pr.number,
      pr.agent,
      pr.initiator ?? null,
      pr.openedAt.toISOString(),
      pr.deliveryId,
      window.from.toISOString(),
      window.to.toISOString(),
    ],
  );
  return { agent: Number(rows[0]?.agent ?? 0), initiator: Number(rows[0]?.initiator ?? 0) };
}

export interface ReviewOverride {
  repository: string;
  number: number;
  headSha: string;
  actor: string;
  team: string;
  reason: string;
  deliveryId: string;
}

export async function recordReviewOverride(tx: SqlClient, o: ReviewOverride): Promise<void> {
  await tx.query(
    `insert into review_overrides (repository, number, head_sha, actor, team, reason, delivery_id)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (repository, number, head_sha) do nothing`,
    [o.repository, o.number, o.headSha, o.actor, o.team, o.reason, o.deliveryId],
  );
}

export async function findReviewOverride(
  db: SqlClient,
  where: { repository: string; number: number; headSha: string },
): Promise<Omit<ReviewOverride, 'deliveryId'> | undefined> {
  const { rows } = await db.query<{ actor: string; team: string; reason: string }>(
    'select actor, team, reason from review_overrides where repository = $1 and number = $2 and head_sha = $3',
    [where.repository, where.number, where.headSha],
  );
  const r = rows[0];
  return r && { ...where, actor: r.actor, team: r.team, reason: r.reason };
}
