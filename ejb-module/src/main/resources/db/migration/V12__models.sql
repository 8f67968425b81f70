-- Stored AI models. A model is one file or a directory received as a zip archive; each of its files is
-- one S3 object (object_key) whose SHA-256 and size were computed while it was received. Rows are
-- written only once every object is stored, in the transaction that also settles the tenant's
-- stored-bytes reservation (V13), so a refused or aborted upload leaves no row.
create table models (
    id              uuid primary key,
    tenant_id       uuid         not null references tenant (id),
    name            varchar(200) not null,
    kind            varchar(16)  not null check (kind in ('FILE', 'DIRECTORY')),
    format          varchar(32)  not null,
    sha256          char(64),
    size_bytes      bigint       not null check (size_bytes >= 0),
    file_count      integer      not null check (file_count >= 1),
    created_by      varchar(100) not null,
    created_by_name varchar(200),
    created_at      timestamptz  not null,
    check (kind <> 'FILE' or (sha256 is not null and file_count = 1))
);
-- ids are time-ordered (UUID version 7): newest first is descending id
create index models_tenant_id on models (tenant_id, id desc);

create table model_files (
    model_id   uuid          not null references models (id) on delete cascade,
    path       varchar(1024) not null,
    ordinal    integer       not null,
    size_bytes bigint        not null check (size_bytes >= 0),
    sha256     char(64)      not null,
    format     varchar(32)   not null,
    symlink    boolean       not null default false,
    object_key varchar(300)  not null,
    primary key (model_id, path)
);
