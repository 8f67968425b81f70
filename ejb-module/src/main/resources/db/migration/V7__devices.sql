-- Enrolled TPM devices (Keylime-style AK-EK binding): MakeCredential's secret is kept only as its
-- SHA-256 until the device proves it with TPM2_ActivateCredential; the last quote clock is tracked.
create table device (
    id                    uuid primary key,
    tenant_id             uuid        not null references tenant (id),
    name                  varchar(100),
    status                varchar(20) not null check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'RETIRED')),
    ek_public_area        bytea       not null,
    ek_certificate        bytea,
    ak_public_area        bytea       not null,
    ak_name               bytea       not null,
    secret_hash           bytea,
    activation_expires_at timestamptz,
    activation_attempts   integer     not null default 0,
    last_clock            bigint,
    last_reset_count      bigint,
    last_restart_count    bigint,
    created_by            varchar(100) not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    activated_at          timestamptz,
    retired_at            timestamptz,
    version               bigint      not null default 0
);
create index device_tenant_created on device (tenant_id, created_at, id);
-- one live enrollment per AK and tenant; a retired device's AK may be enrolled again
create unique index device_tenant_ak_live on device (tenant_id, ak_name) where status <> 'RETIRED';
