-- The smoke check, the walking skeleton of the job flow, is gone: the attestation job lifecycle and
-- the readiness checks cover what it exercised, and it was the one job that needed two-phase commit.
drop table smoke_check;
