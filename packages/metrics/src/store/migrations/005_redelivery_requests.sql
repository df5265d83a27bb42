-- When the App last asked GitHub to send a delivery again, by GUID (most such deliveries were never stored): replicas
-- and overlapping reconciler passes ask once per interval, so an outage does not use up a delivery's attempts.
create table if not exists redelivery_requests (
  guid text primary key,
  requested_at timestamptz not null
);
