-- The active-sessions gauge counts unexpired, unrevoked sessions every few seconds: an index on
-- their end keeps that a short range scan however many ended sessions the table holds.
create index auth_session_active on auth_session (expires_at) where revoked_at is null;
