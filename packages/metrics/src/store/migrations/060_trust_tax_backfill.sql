-- API backfill of pull requests: where a run stands (resumable), and which pull requests it has stored (once each).
create table if not exists tt_backfill_runs (
  repo text primary key,
  since timestamptz not null,
  started_at timestamptz not null,
  -- 1: PRs updated since `since`; 2: catch-up of PRs updated while pass 1 ran.
  pass integer not null,
  next_url text,
  finished_at timestamptz
);
create table if not exists tt_backfill_pulls (
  repo text not null,
  number integer not null,
  updated_at timestamptz not null,
  primary key (repo, number)
);
