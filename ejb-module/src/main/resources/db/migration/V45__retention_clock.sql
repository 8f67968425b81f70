-- The retention purge's clock: when the cluster's last purge started. Every server runs an interval timer
-- (lotabots.retention.interval); a tick starts a purge only by moving this one row forward, so the cluster
-- purges once per interval whichever server's tick comes first. Exports become a retention class of their own.
create table retention_clock (
    id              smallint    primary key check (id = 1),
    last_started_at timestamptz not null
);
insert into retention_clock (id, last_started_at) values (1, timestamptz '1970-01-01 00:00:00+00');

-- a completed export's archive is purged by the retention timer; the request row stays, its download answering 410
create index subject_request_exports on subject_request (completed_at) where type = 'EXPORT' and result_key is not null;
