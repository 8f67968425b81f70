-- Retention and legal hold (GDPR Art. 5(1)(e)): holds that stop the retention purge for a whole tenant, one
-- data subject's data or one object, kept after release with who released them and why; and the purge runs
-- per tenant with what each removed, for the console and the officers.
create table legal_hold (
    id               uuid primary key,
    tenant_id        uuid          not null references tenant (id),
    scope            varchar(16)   not null check (scope in ('TENANT', 'SUBJECT', 'OBJECT')),
    subject          varchar(200),
    object_type      varchar(16)   check (object_type in ('DOCUMENT', 'MODEL', 'ATTESTATION')),
    object_id        uuid,
    reason           varchar(1000) not null,
    placed_by        varchar(100)  not null,
    placed_by_name   varchar(200),
    placed_at        timestamptz   not null,
    released_by      varchar(100),
    released_by_name varchar(200),
    released_at      timestamptz,
    release_reason   varchar(1000),
    check ((scope = 'SUBJECT') = (subject is not null)),
    check ((scope = 'OBJECT') = (object_type is not null and object_id is not null))
);
create index legal_hold_active on legal_hold (tenant_id) where released_at is null;
create index legal_hold_time on legal_hold (tenant_id, placed_at desc, id desc);

create table retention_run (
    id          uuid primary key,
    tenant_id   uuid        not null references tenant (id),
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    -- items purged per data class, e.g. {"documents": 3, "models": 0}
    purged      jsonb       not null,
    -- items past retention left in place because a legal hold covers them
    held        integer     not null
);
create index retention_run_time on retention_run (tenant_id, started_at desc);
