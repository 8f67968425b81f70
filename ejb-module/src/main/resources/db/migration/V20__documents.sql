-- Documents customers keep with us (model cards, audit evidence, contracts, reports). The document row holds
-- the metadata (title, tags as a JSON array, free-form attributes as a JSON object, both GIN-indexed for
-- containment filters) and its current version; every version's content is one S3 object whose key
-- (documents/{tenant}/{document}/v{n}) is recorded in document_versions. Rows are written only after the
-- object is stored, so a refused or aborted upload leaves no row. Deletes are soft (deleted_at); a timer
-- purges them, with all their versions' objects, after the retention period.
create table documents (
    id               uuid primary key,
    tenant_id        uuid          not null references tenant (id),
    title            varchar(300)  not null,
    tags             jsonb         not null default '[]' check (jsonb_typeof(tags) = 'array'),
    attributes       jsonb         not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    current_version  integer       not null check (current_version >= 1),
    -- the last object key number handed out: concurrent uploads of new versions never share a key
    last_key_number  integer       not null check (last_key_number >= current_version),
    content_type     varchar(200)  not null,
    file_name        varchar(255),
    size_bytes       bigint        not null check (size_bytes >= 0),
    sha256           char(64)      not null,
    created_by       varchar(100)  not null,
    created_by_name  varchar(200),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    deleted_at       timestamptz,
    version          bigint        not null default 1
);
create index documents_tenant_created on documents (tenant_id, created_at desc, id desc) where deleted_at is null;
create index documents_tenant_title on documents (tenant_id, title text_pattern_ops) where deleted_at is null;
create index documents_tags on documents using gin (tags jsonb_path_ops);
create index documents_attributes on documents using gin (attributes jsonb_path_ops);
create index documents_deleted on documents (deleted_at) where deleted_at is not null;

create table document_versions (
    document_id     uuid          not null references documents (id) on delete cascade,
    number          integer       not null check (number >= 1),
    object_key      varchar(300)  not null unique,
    content_type    varchar(200)  not null,
    file_name       varchar(255),
    size_bytes      bigint        not null check (size_bytes >= 0),
    sha256          char(64)      not null,
    created_by      varchar(100)  not null,
    created_by_name varchar(200),
    created_at      timestamptz   not null,
    primary key (document_id, number)
);

-- Uploads in flight: written before the first byte goes to S3 and removed when the version is recorded or the
-- upload's objects are removed, so the sweeper finds what a dead server left (objects, unfinished multipart
-- uploads) by age, and at once those whose clean-up failed (failed_at: S3 was down when the upload failed).
create table document_uploads (
    object_key  varchar(300) primary key,
    tenant_id   uuid         not null,
    document_id uuid         not null,
    new_document boolean     not null,
    started_at  timestamptz  not null,
    failed_at   timestamptz
);
create index document_uploads_started on document_uploads (started_at);
