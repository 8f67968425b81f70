-- Reviews of attestation verdicts by a compliance officer or administrator: ACCEPTED, or FLAGGED
-- with a justification. Every review is kept; the current one per attestation is the one not yet
-- superseded (a later review supersedes it rather than changing it).
create table attestation_review (
    id             uuid primary key,
    tenant_id      uuid          not null references tenant (id),
    attestation_id uuid          not null references attestation (id),
    decision       varchar(16)   not null check (decision in ('ACCEPTED', 'FLAGGED')),
    justification  varchar(2000),
    reviewer       varchar(100)  not null,
    reviewer_name  varchar(100),
    reviewed_at    timestamptz   not null,
    superseded_at  timestamptz,
    check (decision <> 'FLAGGED' or length(btrim(coalesce(justification, ''))) > 0)
);
create unique index attestation_review_current on attestation_review (attestation_id)
    where superseded_at is null;
create index attestation_review_history on attestation_review (tenant_id, attestation_id, reviewed_at desc);
