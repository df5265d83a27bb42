-- The durable delivery queue: a claimed delivery keeps its payload (as GitHub sent it) until it is processed, so
-- processing runs from the store (a job engine's job names the delivery), never from a process's memory.
alter table deliveries add column if not exists payload text;
-- Claims of the earlier in-memory queue have no payload to run from: GitHub's redelivery takes them over.
update deliveries set status = 'failed', error = 'claimed before the durable queue; GitHub redelivers it' where status = 'processing';
create index if not exists deliveries_queued on deliveries (received_at) where status = 'queued';
