-- When GitHub was last answered 2xx for a delivery: a stored delivery GitHub lists only as failed (its claim landed
-- after the App had answered 503, or the process died between storing and answering) is sent again to confirm it.
alter table deliveries add column if not exists answered_at timestamptz;
-- Deliveries stored before this column was added were answered as far as anyone knows: none is sent again for it.
update deliveries set answered_at = received_at where answered_at is null;
