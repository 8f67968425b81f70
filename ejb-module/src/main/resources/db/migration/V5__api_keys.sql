-- API keys for bots: the secret is shown once and stored only as its SHA-256; a key holds roles,
-- may expire and can be revoked. A client-credentials token's session names the key it came from.
create table api_key (
    id           uuid primary key,
    tenant_id    uuid         not null references tenant (id),
    name         varchar(100) not null,
    prefix       varchar(16)  not null,
    key_hash     char(64)     not null unique,
    roles        varchar(200) not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_by   uuid         not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz
);
create index api_key_tenant_created on api_key (tenant_id, created_at, id);

alter table auth_session add column api_key_id uuid references api_key (id);
create index auth_session_api_key on auth_session (api_key_id) where revoked_at is null;
