-- Data-subject requests (GDPR Art. 15 export, Art. 17 erasure, Art. 16 rectification) with the GDPR clock.
-- The row is also the job's state: export and erasure run as jobs claimed with a lease (attempts, updated_at)
-- and resumed by the sweeper; an erasure's finished steps are in steps_done so a retry skips them.
create table subject_request (
    id                 uuid primary key,
    tenant_id          uuid          not null references tenant (id),
    type               varchar(16)   not null check (type in ('EXPORT', 'ERASURE', 'RECTIFICATION')),
    subject            varchar(200)  not null,
    state              varchar(20)   not null check (state in
                       ('OPEN', 'AWAITING_APPROVAL', 'PENDING', 'PROCESSING', 'COMPLETED', 'REJECTED', 'FAILED')),
    description        varchar(2000),
    requested_by       varchar(100)  not null,
    requested_by_name  varchar(200),
    received_at        timestamptz   not null,
    due_at             timestamptz   not null,
    extension_reason   varchar(1000),
    extended_by        varchar(100),
    decided_by         varchar(100),
    decided_by_name    varchar(200),
    decided_at         timestamptz,
    decision_reason    varchar(1000),
    completion_note    varchar(2000),
    step               varchar(32),
    steps_done         integer       not null default 0,
    attempts           integer       not null default 0,
    failure_reason     varchar(500),
    result_key         varchar(300),
    result_sha256      char(64),
    result_size        bigint,
    expires_at         timestamptz,
    certificate        text,
    updated_at         timestamptz   not null,
    completed_at       timestamptz,
    version            bigint        not null default 0
);

-- The queue: open requests first, then by due date (overdue ones are the earliest due).
create index subject_request_queue on subject_request (tenant_id, (state in ('COMPLETED', 'REJECTED')), due_at, id);
create index subject_request_subject on subject_request (tenant_id, subject);
-- The sweeper looks only at unfinished jobs.
create index subject_request_unfinished on subject_request (updated_at) where state in ('PENDING', 'PROCESSING');
