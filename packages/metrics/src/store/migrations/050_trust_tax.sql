-- Trust tax: what each PR took to get in (reviews, pushes, CI) and the line-survival ledger (ranges, never code).
create table if not exists tt_pull_requests (
  repo text not null,
  number integer not null,
  author text not null,
  team text not null,
  cohort text not null,
  title text not null,
  head_ref text not null,
  fix_like boolean not null,
  links_bug boolean not null,
  reverts_pr integer,
  created_at timestamptz not null,
  merged_at timestamptz,
  merge_commit_sha text,
  head_sha text not null,
  additions integer not null,
  deletions integer not null,
  primary key (repo, number)
);
create index if not exists tt_pull_requests_merge_sha on tt_pull_requests (repo, merge_commit_sha);
create table if not exists tt_head_pushes (
  repo text not null,
  number integer not null,
  sha text not null,
  pushed_at timestamptz not null,
  primary key (repo, number, sha)
);
create table if not exists tt_reviews (
  repo text not null,
  id bigint not null,
  number integer not null,
  reviewer text not null,
  automated boolean not null,
  state text not null,
  submitted_at timestamptz not null,
  commit_id text not null,
  primary key (repo, id)
);
create table if not exists tt_check_suites (
  repo text not null,
  id bigint not null,
  head_sha text not null,
  status text not null,
  conclusion text,
  primary key (repo, id)
);
create table if not exists tt_compares (
  repo text not null,
  from_sha text not null,
  to_sha text not null,
  changed_lines integer not null,
  primary key (repo, from_sha, to_sha)
);
create table if not exists tt_ledger_ranges (
  repo text not null,
  path text not null,
  start_line integer not null,
  line_count integer not null,
  origin_pr integer,
  origin_sha text not null,
  cohort text not null,
  born_at timestamptz not null,
  primary key (repo, path, start_line)
);
create table if not exists tt_ledger_commits (
  repo text not null,
  sha text not null,
  committed_at timestamptz not null,
  pr integer,
  reverts text not null default '',
  primary key (repo, sha)
);
create table if not exists tt_ledger_births (
  repo text not null,
  sha text not null,
  path text not null,
  pr integer not null,
  lines integer not null
);
create index if not exists tt_ledger_births_pr on tt_ledger_births (repo, pr);
create table if not exists tt_ledger_deaths (
  repo text not null,
  sha text not null,
  path text not null,
  origin_pr integer not null,
  by_pr integer,
  kind text not null,
  lines integer not null,
  age_days double precision not null
);
create index if not exists tt_ledger_deaths_origin on tt_ledger_deaths (repo, origin_pr);
create table if not exists tt_ledger_moves (
  repo text not null,
  sha text not null,
  from_path text not null,
  to_path text not null,
  origin_pr integer,
  lines integer not null
);
create table if not exists tt_ledger_gaps (
  repo text not null,
  sha text not null,
  path text not null,
  origin_pr integer,
  lines integer not null,
  age_days double precision not null
);
