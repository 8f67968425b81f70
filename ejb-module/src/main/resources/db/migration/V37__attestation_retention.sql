-- Retention of attestation evidence and reports: the objects are deleted once past their period, the row stays
-- as a tombstone (verdict, token, policy, digest) so the attestation and the audit events that name it still
-- resolve; these columns say when each was purged.
alter table attestation add column evidence_purged_at timestamptz;
alter table attestation add column reports_purged_at timestamptz;
create index attestation_completed on attestation (completed_at) where completed_at is not null;
