-- Audit trail: append-only events, hash-chained per tenant by the sealer, and signed checkpoints.
--
-- Production grants (the tests run as a superuser, so there the triggers below are what enforces
-- this): the application's role gets only
--   grant select, insert on audit_event, audit_checkpoint to lotabots_app;
--   grant update (chain_sequence, chain_hash, sealed_at) on audit_event to lotabots_app;
--   grant usage on sequence audit_event_id_seq, audit_checkpoint_id_seq to lotabots_app;
-- and never UPDATE of other columns, DELETE or TRUNCATE; the schema owner is another role.

create table audit_event (
    -- insertion order: the paging cursor and the order in which the sealer chains events
    id             bigserial    primary key,
    event_id       uuid         not null unique,
    -- 00000000-0000-0000-0000-000000000000 for platform events that belong to no tenant
    tenant_id      uuid         not null,
    -- a user id, an API key id, an attempted username (failed login) or 'system'
    actor          varchar(200) not null,
    actor_name     varchar(200),
    action         varchar(100) not null,
    target_type    varchar(50),
    target_id      varchar(200),
    outcome        varchar(10)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    source_ip      varchar(64),
    user_agent     varchar(500),
    occurred_at    timestamptz  not null,
    details        jsonb        not null default '{}'::jsonb,
    -- filled once by the sealer: position in the tenant's chain, link hash, when
    chain_sequence bigint,
    chain_hash     bytea,
    sealed_at      timestamptz,
    check ((chain_sequence is null) = (chain_hash is null) and (chain_hash is null) = (sealed_at is null))
);

-- listing: one tenant, newest first, optionally by actor / action / target
create index audit_event_tenant_id on audit_event (tenant_id, id);
create index audit_event_tenant_actor on audit_event (tenant_id, actor, id);
create index audit_event_tenant_action on audit_event (tenant_id, action, id);
create index audit_event_tenant_target on audit_event (tenant_id, target_type, target_id, id);
-- verification walks a tenant's chain in order; a position is used once
create unique index audit_event_chain on audit_event (tenant_id, chain_sequence) where chain_sequence is not null;
-- the sealer looks only at what is not sealed yet
create index audit_event_unsealed on audit_event (tenant_id, id) where chain_hash is null;

create table audit_checkpoint (
    id             bigserial    primary key,
    tenant_id      uuid         not null,
    chain_sequence bigint       not null,
    chain_hash     bytea        not null,
    -- the signed checkpoint (compact ES256 JWS), also stored in S3 under object_key
    jws            text         not null,
    object_key     varchar(300) not null,
    created_at     timestamptz  not null,
    unique (tenant_id, chain_sequence)
);

-- Rejects every change to an audit row except the sealer's one-time filling of the chain columns,
-- and rows inserted as if already sealed (only the sealer assigns chain positions).
-- The function keeps the schema it was created in: it runs with the caller's search_path otherwise.
create function audit_event_append_only() returns trigger
    language plpgsql set search_path from current as $$
declare
    unsealed audit_event;
begin
    if tg_op = 'INSERT' then
        if new.chain_sequence is null and new.chain_hash is null and new.sealed_at is null then
            return new;
        end if;
    elsif tg_op = 'UPDATE' then
        unsealed := new;
        unsealed.chain_sequence := null;
        unsealed.chain_hash := null;
        unsealed.sealed_at := null;
        if old.chain_hash is null and new.chain_hash is not null and unsealed is not distinct from old then
            return new;
        end if;
    end if;
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before insert or update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();

create function audit_checkpoint_append_only() returns trigger
    language plpgsql set search_path from current as $$
begin
    raise exception 'audit_checkpoint is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_checkpoint_append_only
    before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_append_only();
create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_append_only();
