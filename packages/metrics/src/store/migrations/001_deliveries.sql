-- Every webhook delivery, by GitHub's delivery id: the key to processing each at most once.
create table if not exists deliveries (
  id text primary key,
  event text not null,
  action text,
  installation_id bigint,
  repository text,
  status text not null default 'processing',
  attempts integer not null default 1,
  received_at timestamptz not null default now(),
  finished_at timestamptz,
  error text
);
