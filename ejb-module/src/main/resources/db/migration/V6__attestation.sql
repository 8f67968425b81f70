-- Attestation jobs of every type (hardware now, AI models later): one row per submission. The
-- evidence document and the verification report live in S3; the row holds the state, the verdict,
-- a summary of the checks and the signed result token.
create table attestation (
    id              uuid primary key,
    tenant_id       uuid         not null references tenant (id),
    type            varchar(16)  not null check (type in ('HARDWARE')),
    status          varchar(16)  not null
                    check (status in ('PENDING', 'PROCESSING', 'VERIFIED', 'REJECTED', 'FAILED')),
    verdict         varchar(16)  check (verdict in ('AFFIRMING', 'WARNING', 'CONTRAINDICATED')),
    policy_name     varchar(100) not null,
    policy_version  integer      not null,
    nonce           varchar(128) not null,
    nonce_status    varchar(16)  not null,
    device_id       uuid,
    submitted_by    varchar(100) not null,
    evidence_key    varchar(300) not null,
    evidence_digest char(64)     not null,
    report_key      varchar(300),
    result          jsonb,
    token           text,
    failure_reason  varchar(500),
    attempts        integer      not null default 0,
    submitted_at    timestamptz  not null,
    updated_at      timestamptz  not null,
    completed_at    timestamptz,
    version         bigint       not null default 0
);

-- Lists: newest first within a tenant (keyset paging on submitted_at, id).
create index attestation_tenant_submitted on attestation (tenant_id, submitted_at desc, id desc);
create index attestation_tenant_device on attestation (tenant_id, device_id, submitted_at desc)
    where device_id is not null;
-- The sweeper looks only at unfinished jobs whose lease ran out; the queue-depth gauge counts them.
create index attestation_unfinished on attestation (updated_at) where status in ('PENDING', 'PROCESSING');
