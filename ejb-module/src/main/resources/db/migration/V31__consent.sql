-- Consent management (GDPR Art. 7): a tenant's catalogue of processing purposes, each with a legal basis
-- and versioned policy texts; every grant and withdrawal by a data subject is an append-only record with
-- its receipt; consent_state is the current answer per subject and purpose, the row a change locks first
-- so parallel changes of one subject's consent are decided one after the other.
create table consent_purpose (
    id              uuid primary key,
    tenant_id       uuid          not null references tenant (id),
    code            varchar(64)   not null,
    name            varchar(200)  not null,
    description     varchar(2000) not null,
    legal_basis     varchar(32)   not null check (legal_basis in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION',
                                      'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS')),
    -- the platform's processing activities that may not run for a subject without this purpose's consent,
    -- comma-separated names (only for legal basis CONSENT)
    required_for    varchar(300)  not null default '',
    policy_version  integer       not null check (policy_version >= 1),
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    unique (tenant_id, code)
);

create table consent_policy (
    purpose_id   uuid          not null references consent_purpose (id),
    version      integer       not null check (version >= 1),
    text         text          not null,
    url          varchar(500),
    published_at timestamptz   not null,
    published_by varchar(100)  not null,
    primary key (purpose_id, version)
);

create table consent_record (
    id             uuid primary key,
    tenant_id      uuid          not null references tenant (id),
    subject        varchar(200)  not null,
    purpose_id     uuid          not null references consent_purpose (id),
    granted        boolean       not null,
    policy_version integer       not null,
    source         varchar(32)   not null check (source in ('SELF_SERVICE', 'RECORDED', 'CONSOLE')),
    actor          varchar(100)  not null,
    actor_name     varchar(200),
    recorded_at    timestamptz   not null,
    -- the receipt exactly as given to the subject (text, not jsonb: its SHA-256 is in the audit event)
    receipt        text          not null
);
create index consent_record_subject on consent_record (tenant_id, subject, recorded_at desc, id desc);
create index consent_record_time on consent_record (tenant_id, recorded_at desc, id desc);

create table consent_state (
    tenant_id      uuid         not null references tenant (id),
    subject        varchar(200) not null,
    purpose_id     uuid         not null references consent_purpose (id),
    granted        boolean      not null,
    policy_version integer      not null,
    record_id      uuid         not null references consent_record (id),
    changed_at     timestamptz  not null,
    primary key (tenant_id, subject, purpose_id)
);
create index consent_state_time on consent_state (tenant_id, changed_at desc, record_id desc);
