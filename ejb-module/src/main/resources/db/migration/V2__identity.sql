-- Identity: tenants, their users and roles, API keys for bots, login sessions and refresh tokens.
create table tenant (
    id         uuid primary key,
    name       varchar(100) not null unique,
    created_at timestamptz  not null,
    version    bigint       not null default 0
);

create table user_account (
    id            uuid primary key,
    tenant_id     uuid         not null references tenant (id),
    username      varchar(100) not null,
    password_hash varchar(255) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    last_login_at timestamptz,
    version       bigint       not null default 0
);
-- usernames are unique per tenant, whatever their case
create unique index user_account_tenant_username on user_account (tenant_id, lower(username));

create table user_role (
    user_id uuid        not null references user_account (id) on delete cascade,
    role    varchar(32) not null check (role in ('ADMIN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'OPERATOR', 'DEVELOPER')),
    primary key (user_id, role)
);

-- A login (user or API key); access tokens carry its id as "sid".
create table auth_session (
    id             uuid primary key,
    tenant_id      uuid        not null references tenant (id),
    user_id        uuid references user_account (id),
    roles          varchar(200) not null,
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason varchar(64)
);
create index auth_session_user on auth_session (user_id) where revoked_at is null;

-- Refresh tokens are stored only as SHA-256 of the opaque value; each is spent once.
create table refresh_token (
    token_hash  char(64) primary key,
    session_id  uuid        not null references auth_session (id),
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    spent_at    timestamptz
);
create index refresh_token_session on refresh_token (session_id);
