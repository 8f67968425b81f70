package io.lotabots.document.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One version of a document's content: the S3 object holding it and what was computed while it arrived. */
@Entity
@Table(name = "document_versions")
@IdClass(DocumentVersion.Key.class)
public class DocumentVersion {

    /** The composite primary key: document and version number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID documentId;
        private int number;

        public Key() {}

        public Key(UUID documentId, int number) {
            this.documentId = documentId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.number == number && java.util.Objects.equals(k.documentId, documentId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(documentId, number);
        }
    }

    @Id
    @Column(name = "document_id")
    private UUID documentId;

    @Id
    private int number;

    @Column(name = "object_key")
    private String objectKey;

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

    protected DocumentVersion() {}

    public DocumentVersion(
            UUID documentId,
            int number,
            String objectKey,
            String contentType,
            String fileName,
            long size,
            String sha256,
            String createdBy,
            String createdByName,
            Instant createdAt) {
        this.documentId = documentId;
        this.number = number;
        this.objectKey = objectKey;
        this.contentType = contentType;
        this.fileName = fileName;
        this.size = size;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.createdAt = createdAt;
    }

    public UUID documentId() {
        return documentId;
    }

    public int number() {
        return number;
    }

    public String objectKey() {
        return objectKey;
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
}
