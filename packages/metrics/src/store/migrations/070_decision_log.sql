-- The signed, hash-chained log of gate decisions (docs/gate.md): append-only. `record` is the exact signed JSON line.
create table if not exists decision_log (
  seq bigint primary key,
  prev_hash text not null unique,
  hash text not null unique,
  recorded_at timestamptz not null,
  source_key text unique,
  record text not null
);
-- Records are never changed, and never deleted before they are 6 months old (EU AI Act Art. 12 logging).
create or replace function decision_log_guard() returns trigger language plpgsql as $$ begin if tg_op = 'UPDATE' then raise exception 'decision_log is append-only: records are never changed'; end if; if old.recorded_at > now() - interval '6 months' then raise exception 'decision records are kept at least 6 months (EU AI Act Art. 12): seq % is from %', old.seq, old.recorded_at; end if; return old; end $$;
drop trigger if exists decision_log_guard on decision_log;
create trigger decision_log_guard before update or delete on decision_log for each row execute function decision_log_guard();
