-- Envelope encryption at rest (platform.encryption): each tenant's key-encryption keys, versioned, and
-- one wrapped data key per stored object version. Rotation re-wraps data keys here; S3 content stays.
create table tenant_kek (
    tenant_id    uuid        not null,
    version      integer     not null check (version > 0),
    -- which KekProvider keeps it: 'local' (the key file) or 'kms'
    provider     varchar(16) not null,
    -- what the provider needs to open it again (KMS: the encrypted key); null for the key file, and
    -- wiped when the version is destroyed
    material     bytea,
    created_at   timestamptz not null,
    -- set when a newer version took over; data keys still under it are re-wrapped
    retired_at   timestamptz,
    destroyed_at timestamptz,
    primary key (tenant_id, version)
);

create table data_key (
    id          uuid primary key,
    tenant_id   uuid         not null,
    -- the object version this key seals (S3 key); a new version of the object gets a new row
    object_key  varchar(1024) not null,
    kek_version integer      not null,
    -- AES-GCM of the 32 key bytes under the KEK: 12-byte nonce, then ciphertext and tag
    wrapped     bytea        not null,
    created_at  timestamptz  not null,
    foreign key (tenant_id, kek_version) references tenant_kek (tenant_id, version)
);
create index data_key_object on data_key (object_key text_pattern_ops);
create index data_key_kek on data_key (tenant_id, kek_version);

-- The migration that encrypts objects stored in plaintext before: where it got to, and when it finished
-- (from then on no object is read as plaintext).
create table storage_encryption_migration (
    id          smallint primary key check (id = 1),
    last_key    varchar(1024),
    encrypted   bigint      not null default 0,
    finished_at timestamptz
);
insert into storage_encryption_migration (id) values (1);
