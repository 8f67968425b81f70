package io.lotabots.document.entity;

import io.lotabots.platform.persistence.JsonArrayConverter;
import io.lotabots.platform.persistence.JsonObjectConverter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's document: its metadata and a copy of its current version's content facts, so reading a
 * document needs one row. {@link #version()} is the optimistic lock behind the API's ETag: every change of
 * metadata or content raises it.
 */
@Entity
@Table(name = "documents")
public class Document {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String title;

    @Convert(converter = JsonArrayConverter.class)
    private JsonArray tags;

    @Convert(converter = JsonObjectConverter.class)
    private JsonObject attributes;

    @Column(name = "current_version")
    private int currentVersion;

    /** Raised only by the database (DocumentRecords' key allocation); written once, with the first version. */
    @Column(name = "last_key_number", updatable = false)
    private int lastKeyNumber;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_by_name")
    private String createdByName;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected Document() {}

    public Document(
            UUID id, UUID tenantId, DocumentVersion first, String title, JsonArray tags, JsonObject attributes) {
        this.id = id;
        this.tenantId = tenantId;
        this.title = title;
        this.tags = tags;
        this.attributes = attributes;
        this.createdBy = first.createdBy();
        this.createdByName = first.createdByName();
        this.createdAt = first.createdAt();
        this.lastKeyNumber = first.number();
        becomeCurrent(first);
    }

    /** The version's content is the document's content from now on. */
    public void becomeCurrent(DocumentVersion latest) {
        this.currentVersion = latest.number();
        this.contentType = latest.contentType();
        this.fileName = latest.fileName();
        this.size = latest.size();
        this.sha256 = latest.sha256();
        this.updatedAt = latest.createdAt();
    }

    public void describe(String title, JsonArray tags, JsonObject attributes, Instant at) {
        this.title = title;
        this.tags = tags;
        this.attributes = attributes;
        this.updatedAt = at;
    }

    public void markDeleted(Instant at) {
        this.deletedAt = at;
        this.updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String title() {
        return title;
    }

    public JsonArray tags() {
        return tags;
    }

    public JsonObject attributes() {
        return attributes;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String contentType() {
        return contentType;
    }

    public String fileName() {
        return fileName;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
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

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public long version() {
        return version;
    }
}
