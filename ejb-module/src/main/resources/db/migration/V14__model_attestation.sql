-- AI-model attestation: jobs of type MODEL, and the tenants' model policies, versioned like hardware
-- policies (a name per tenant, immutable numbered versions; verdicts record the version they applied).
alter table attestation drop constraint attestation_type_check,
    add constraint attestation_type_check check (type in ('HARDWARE', 'MODEL'));

create table model_policy (
    tenant_id      uuid        not null references tenant (id),
    name           varchar(64) not null,
    latest_version integer     not null,
    created_at     timestamptz not null,
    deleted_at     timestamptz,
    primary key (tenant_id, name)
);

create table model_policy_version (
    id                 uuid primary key,
    tenant_id          uuid         not null,
    name               varchar(64)  not null,
    version            integer      not null check (version > 0),
    -- PEM, canonical: one block per key (SubjectPublicKeyInfo) or certificate
    trusted_keys       text         not null,
    trusted_cas        text         not null,
    signature_required boolean      not null,
    suspicious_passes  boolean      not null,
    -- lower-case format names separated by spaces, sorted; empty: every format
    allowed_formats    varchar(400) not null,
    -- null: no limit
    max_size_bytes     bigint       check (max_size_bytes > 0),
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    unique (tenant_id, name, version),
    foreign key (tenant_id, name) references model_policy (tenant_id, name)
);

create function model_policy_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'model policy versions are immutable';
end;
$$;
create trigger model_policy_version_immutable before update or delete on model_policy_version
    for each row execute function model_policy_version_immutable();
