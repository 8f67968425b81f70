-- Tenants have an owner: the platform operator, who creates, suspends and resumes tenants.

-- A suspended tenant refuses logins, refreshes and API-key exchanges; its sessions were revoked when it was suspended.
alter table tenant add column suspended_at timestamptz;

-- A first administrator created with a one-time password must choose their own at their first login.
alter table user_account add column password_change_required boolean not null default false;

-- PLATFORM_OPERATOR is held only by users of the platform pseudo-tenant; the application refuses it for
-- tenants' users and API keys (the role row does not carry the tenant, so no constraint can say it).
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check
    check (role in ('ADMIN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'OPERATOR', 'DEVELOPER', 'PLATFORM_OPERATOR'));

-- The platform's own pseudo-tenant: it holds the platform operators' accounts and sessions, so they log in
-- through the same endpoint (tenant "platform"). Its id is the audit trail's platform chain, which records
-- what operators do. It is never listed, suspended or addressed as a tenant.
insert into tenant (id, name, created_at) values ('00000000-0000-0000-0000-000000000000', 'platform', now());
