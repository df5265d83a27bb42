-- When a pull request was closed (merged or not): the acceptance rate is merged over closed.
alter table tt_pull_requests add column if not exists closed_at timestamptz;
