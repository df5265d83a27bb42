-- Pull requests opened by agents, counted once per PR, for the App's per-day budgets.
create table if not exists agent_pull_requests (
  repository text not null,
  number integer not null,
  agent text not null,
  initiator text,
  opened_at timestamptz not null,
  delivery_id text not null,
  primary key (repository, number)
);
create index if not exists agent_pull_requests_agent on agent_pull_requests (agent, opened_at);
create index if not exists agent_pull_requests_initiator on agent_pull_requests (initiator, opened_at);
-- Audited overrides of the architecture review, one per pull request head commit.
create table if not exists review_overrides (
  repository text not null,
  number integer not null,
  head_sha text not null,
  actor text not null,
  team text not null,
  reason text not null,
  delivery_id text not null,
  created_at timestamptz not null default now(),
  primary key (repository, number, head_sha)
);
-- When the current attempt at a delivery was claimed: a claim older than the lease belongs to a dead process.
alter table deliveries add column if not exists claimed_at timestamptz;
