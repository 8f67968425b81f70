-- Per-tenant resource quotas (the resource manager). A tenant without a resource_quota row has the
-- configured defaults. resource_usage is the row every allocation, reservation and quota change of
-- the tenant locks (SELECT ... FOR UPDATE) first, so parallel requests are decided one after the other.
create table resource_quota (
    tenant_id               uuid primary key references tenant (id),
    max_model_bytes         bigint       not null check (max_model_bytes >= 0),
    max_concurrent_jobs     integer      not null check (max_concurrent_jobs >= 0),
    max_cpu_seconds_per_day bigint       not null check (max_cpu_seconds_per_day >= 0),
    updated_at              timestamptz  not null,
    updated_by              varchar(100) not null,
    updated_by_name         varchar(200),
    version                 bigint       not null default 1
);

create table resource_usage (
    tenant_id          uuid primary key references tenant (id),
    stored_model_bytes bigint not null default 0 check (stored_model_bytes >= 0),
    -- CPU used by verification jobs released on cpu_day (UTC); another day reads as zero
    cpu_day            date   not null default date '1970-01-01',
    cpu_millis         bigint not null default 0 check (cpu_millis >= 0)
);

-- A verification job's admission: ACTIVE while it runs (counts against concurrent jobs), RELEASED when
-- it ended and charged its CPU, RECLAIMED when its lease ran out first (the lease timer). Several rows
-- per job are allowed over time (a retried job allocates again), one ACTIVE at most.
create table resource_allocation (
    id               uuid primary key,
    tenant_id        uuid        not null references tenant (id),
    job_id           uuid        not null,
    status           varchar(16) not null check (status in ('ACTIVE', 'RELEASED', 'RECLAIMED')),
    allocated_at     timestamptz not null,
    lease_expires_at timestamptz not null,
    released_at      timestamptz,
    cpu_millis       bigint check (cpu_millis >= 0)
);
create unique index resource_allocation_active_job on resource_allocation (job_id) where status = 'ACTIVE';
create index resource_allocation_active_tenant on resource_allocation (tenant_id) where status = 'ACTIVE';
create index resource_allocation_active_lease on resource_allocation (lease_expires_at) where status = 'ACTIVE';
create index resource_allocation_job on resource_allocation (job_id, allocated_at desc);

-- Stored-model bytes held for an upload while it is received, so parallel uploads cannot together pass
-- the quota. Settled into resource_usage.stored_model_bytes when the model's rows commit. An upload
-- whose lease runs out (its server died, its client stalled) is marked lapsed by the lease timer,
-- which then deletes everything under object_prefix in S3 (objects and unfinished multipart uploads)
-- and the row.
create table storage_reservation (
    owner_id         uuid primary key,
    tenant_id        uuid         not null references tenant (id),
    bytes            bigint       not null default 0 check (bytes >= 0),
    object_prefix    varchar(300) not null,
    created_at       timestamptz  not null,
    lease_expires_at timestamptz  not null,
    lapsed           boolean      not null default false
);
create index storage_reservation_tenant on storage_reservation (tenant_id);
create index storage_reservation_lease on storage_reservation (lease_expires_at);
