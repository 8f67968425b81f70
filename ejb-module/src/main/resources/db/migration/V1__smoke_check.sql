-- The smoke check: one row per self-test job. Input and result objects live in S3.
create table smoke_check (
    id             uuid primary key,
    status         varchar(16)  not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    message        varchar(500) not null,
    details        jsonb        not null default '{}'::jsonb,
    input_key      varchar(300) not null,
    result_key     varchar(300),
    result_digest  varchar(64),
    failure_reason varchar(500),
    attempts       integer      not null default 1,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    completed_at   timestamptz,
    version        bigint       not null default 0
);

-- The sweeper looks only for unfinished jobs whose lease ran out.
create index smoke_check_pending_by_age on smoke_check (updated_at) where status = 'PENDING';
