-- Hardware attestation policies: a name per tenant, and immutable numbered versions of its content.
-- Verdicts record (name, version), so versions are never changed or deleted; deleting a policy only
-- retires its name.
create table hardware_policy (
    tenant_id      uuid        not null references tenant (id),
    name           varchar(64) not null,
    latest_version integer     not null,
    created_at     timestamptz not null,
    deleted_at     timestamptz,
    primary key (tenant_id, name)
);

create table hardware_policy_version (
    id                       uuid primary key,
    tenant_id                uuid         not null,
    name                     varchar(64)  not null,
    version                  integer      not null check (version > 0),
    pcr_selection            varchar(300) not null,
    reference_values         jsonb        not null,
    event_log_required       boolean      not null,
    trusted_ak_cas           text         not null,
    trusted_ek_cas           text         not null,
    enrolled_device_required boolean      not null,
    created_by               varchar(100) not null,
    created_at               timestamptz  not null,
    unique (tenant_id, name, version),
    foreign key (tenant_id, name) references hardware_policy (tenant_id, name)
);

-- versions are immutable
create function hardware_policy_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'hardware policy versions are immutable';
end;
$$;
create trigger hardware_policy_version_immutable before update or delete on hardware_policy_version
    for each row execute function hardware_policy_version_immutable();
