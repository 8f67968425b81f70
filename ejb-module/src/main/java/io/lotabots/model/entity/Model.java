package io.lotabots.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored model of a tenant: its name, how it was uploaded, the format its content suggests, its size and
 * (for a single file) its SHA-256; its files are {@link StoredModelFile} rows (deleted with it by
 * the database's cascade). Rows are immutable: a model
 * is uploaded, read and deleted, never changed.
 */
@Entity
@Table(name = "models")
@NamedQuery(
        name = Model.PAGE_OF_TENANT,
        query = "select m from Model m where m.tenantId = :tenantId and m.id < :before order by m.id desc")
public class Model {

    public static final String PAGE_OF_TENANT = "Model.pageOfTenant";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    @Enumerated(EnumType.STRING)
    private ModelKind kind;

    private String format;

    private String sha256;

    @Column(name = "size_bytes")
    private long size;

    @Column(name = "file_count")
    private int fileCount;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_by_name")
    private String createdByName;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Model() {}

    public Model(
            UUID id,
            UUID tenantId,
            String name,
            ModelKind kind,
            String format,
            String sha256,
            String createdBy,
            String createdByName,
            Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.kind = kind;
        this.format = format;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.createdAt = createdAt;
    }

    /** Counts a file in; the model's size and count follow its files. */
    public void count(StoredModelFile file) {
        size += file.size();
        fileCount++;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public ModelKind kind() {
        return kind;
    }

    public String format() {
        return format;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public int fileCount() {
        return fileCount;
    }

    public String createdBy() {
        return createdBy;
    }

    public String createdByName() {
        return createdByName;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
