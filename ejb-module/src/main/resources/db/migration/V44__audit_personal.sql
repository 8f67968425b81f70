-- Audit event format 2 (GDPR Art. 17 with Art. 17(3)(b)/(e)): the personal values of an event (the actor's name,
-- source address and user agent; a username or e-mail in its details) are kept outside the hashed row, in
-- audit_personal, one row per party (the actor, the target) with a random secret of its own. The hashed row
-- holds HMAC-SHA256(secret, canonical JSON of the values), so the chain commits to them while they exist, and an
-- erasure replaces them with the pseudonym and drops the secret: what is left cannot be brute-forced back from
-- the digest, and the chain still verifies. Rows written before this migration are format 1 and unchanged.
--
-- Production grants add: grant select, insert on audit_personal to lotabots_app;
--   grant update (personal, secret, erased_at, pseudonym) on audit_personal to lotabots_app;
-- the trigger below is what enforces the erasure shape of that update.
alter table audit_event add column format smallint not null default 1 check (format in (1, 2));
-- format 2: the keyed digests of the actor's and the target's personal values, null when there were none
alter table audit_event add column actor_digest bytea;
alter table audit_event add column target_digest bytea;
alter table audit_event alter column format set default 2;

create table audit_personal (
    event_id  uuid         not null,
    party     varchar(6)   not null check (party in ('ACTOR', 'TARGET')),
    tenant_id uuid         not null,
    -- whose values these are: the event's actor or target id, what an erasure looks them up by
    subject   varchar(200) not null,
    -- the values, e.g. {"actorName": "alice", "sourceIp": "203.0.113.7"}; after erasure each is the pseudonym
    personal  jsonb        not null,
    -- 32 random bytes, the HMAC key; null once erased
    secret    bytea,
    erased_at timestamptz,
    pseudonym varchar(100),
    primary key (event_id, party),
    check ((secret is null) = (erased_at is not null) and (erased_at is null) = (pseudonym is null))
);
create index audit_personal_subject on audit_personal (tenant_id, subject) where erased_at is null;

-- Refuses every change except an erasure (secret dropped, erasure time and pseudonym set, once), DELETE and TRUNCATE:
-- a missing or changed value then shows up in verification as tampering, an erased one as erased.
create function audit_personal_erase_only() returns trigger
    language plpgsql set search_path from current as $$
begin
    if tg_op = 'INSERT' then
        if new.secret is not null and new.erased_at is null then
            return new;
        end if;
    elsif tg_op = 'UPDATE' then
        if old.secret is not null and new.secret is null and new.erased_at is not null and new.pseudonym is not null
                and new.event_id = old.event_id and new.party = old.party and new.tenant_id = old.tenant_id
                and new.subject = old.subject then
            return new;
        end if;
    end if;
    raise exception 'audit_personal is erase-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_personal_erase_only
    before insert or update or delete on audit_personal
    for each row execute function audit_personal_erase_only();
create trigger audit_personal_no_truncate
    before truncate on audit_personal
    for each statement execute function audit_personal_erase_only();

-- Events as people read them: format 2's personal values put back in place (the pseudonym once erased), for
-- operators at a psql prompt and for the subject's export.
create view audit_event_readable as
select e.id, e.event_id, e.tenant_id, e.actor,
       coalesce(e.actor_name, a.personal ->> 'actorName') as actor_name,
       e.action, e.target_type, e.target_id, e.outcome,
       coalesce(e.source_ip, a.personal ->> 'sourceIp') as source_ip,
       coalesce(e.user_agent, a.personal ->> 'userAgent') as user_agent,
       e.occurred_at,
       e.details || coalesce(a.personal - 'actorName' - 'sourceIp' - 'userAgent', '{}'::jsonb)
           || coalesce(t.personal, '{}'::jsonb) as details,
       e.chain_sequence, e.chain_hash, e.sealed_at, e.format
from audit_event e
left join audit_personal a on a.event_id = e.event_id and a.party = 'ACTOR'
left join audit_personal t on t.event_id = e.event_id and t.party = 'TARGET';
