package io.lotabots.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One file of a stored model: its path in the model, what was computed while it was received, its S3 key. */
@Entity
@Table(name = "model_files")
@IdClass(StoredModelFile.Key.class)
@NamedQuery(
        name = StoredModelFile.OF_MODEL,
        query = "select f from StoredModelFile f where f.modelId = :modelId order by f.ordinal")
public class StoredModelFile {

    public static final String OF_MODEL = "StoredModelFile.ofModel";

    /** The primary key: the model and the file's path in it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID modelId;
        private String path;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(modelId, k.modelId) && Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, path);
        }
    }

    @Id
    @Column(name = "model_id")
    private UUID modelId;

    @Id
    private String path;

    private int ordinal;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;

    private String format;

    private boolean symlink;

    @Column(name = "object_key")
    private String objectKey;

    protected StoredModelFile() {}

    public StoredModelFile(
            UUID modelId,
            String path,
            int ordinal,
            long size,
            String sha256,
            String format,
            boolean symlink,
            String objectKey) {
        this.modelId = modelId;
        this.path = path;
        this.ordinal = ordinal;
        this.size = size;
        this.sha256 = sha256;
        this.format = format;
        this.symlink = symlink;
        this.objectKey = objectKey;
    }

    public String path() {
        return path;
    }

    public int ordinal() {
        return ordinal;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String format() {
        return format;
    }

    public boolean symlink() {
        return symlink;
    }

    public String objectKey() {
        return objectKey;
    }
}
