package io.lotabots.attestation.hardware.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A TPM enrolled by a tenant: its EK and AK, the SHA-256 of the MakeCredential secret until it is
 * activated, and the clock of the latest quote whose signature verified.
 */
@Entity
@Table(name = "device")
@NamedQuery(
        name = Device.PAGE_OF_TENANT,
        query = "select d from Device d where d.tenantId = :tenantId and (d.createdAt > :afterTime"
                + " or (d.createdAt = :afterTime and d.id > :afterId)) order by d.createdAt, d.id")
@NamedQuery(
        name = Device.LIVE_WITH_AK,
        query = "select count(d) from Device d where d.tenantId = :tenantId and d.akName = :akName"
                + " and d.status <> io.lotabots.attestation.hardware.entity.DeviceStatus.RETIRED")
public class Device {

    public static final String PAGE_OF_TENANT = "Device.pageOfTenant";
    public static final String LIVE_WITH_AK = "Device.liveWithAk";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    @Enumerated(EnumType.STRING)
    private DeviceStatus status;

    @Column(name = "ek_public_area")
    private byte[] ekPublicArea;

    @Column(name = "ek_certificate")
    private byte[] ekCertificate;

    @Column(name = "ak_public_area")
    private byte[] akPublicArea;

    @Column(name = "ak_name")
    private byte[] akName;

    @Column(name = "secret_hash")
    private byte[] secretHash;

    @Column(name = "activation_expires_at")
    private Instant activationExpiresAt;

    @Column(name = "activation_attempts")
    private int activationAttempts;

    @Column(name = "last_clock")
    private Long lastClock;

    @Column(name = "last_reset_count")
    private Long lastResetCount;

    @Column(name = "last_restart_count")
    private Long lastRestartCount;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private long version;

    protected Device() {}

    public Device(
            UUID id,
            UUID tenantId,
            String name,
            byte[] ekPublicArea,
            byte[] ekCertificate,
            byte[] akPublicArea,
            byte[] akName,
            byte[] secretHash,
            Instant activationExpiresAt,
            String createdBy,
            Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.status = DeviceStatus.PENDING_ACTIVATION;
        this.ekPublicArea = ekPublicArea.clone();
        this.ekCertificate = ekCertificate == null ? null : ekCertificate.clone();
        this.akPublicArea = akPublicArea.clone();
        this.akName = akName.clone();
        this.secretHash = secretHash.clone();
        this.activationExpiresAt = activationExpiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Counts a wrong secret. */
    public void activationFailed(Instant now) {
        activationAttempts++;
        updatedAt = now;
    }

    /** The secret was right: the AK is bound to the EK's TPM; the secret's hash is no longer needed. */
    public void activate(Instant now) {
        status = DeviceStatus.ACTIVE;
        secretHash = null;
        activationExpiresAt = null;
        activatedAt = now;
        updatedAt = now;
    }

    /** Retires the device; retiring it again changes nothing. */
    public void retire(Instant now) {
        if (status != DeviceStatus.RETIRED) {
            status = DeviceStatus.RETIRED;
            secretHash = null;
            retiredAt = now;
            updatedAt = now;
        }
    }

    public void recordClock(long clock, long resetCount, long restartCount, Instant now) {
        lastClock = clock;
        lastResetCount = resetCount;
        lastRestartCount = restartCount;
        updatedAt = now;
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

    public DeviceStatus status() {
        return status;
    }

    public byte[] ekPublicArea() {
        return ekPublicArea.clone();
    }

    public byte[] ekCertificate() {
        return ekCertificate == null ? null : ekCertificate.clone();
    }

    public byte[] akPublicArea() {
        return akPublicArea.clone();
    }

    public byte[] akName() {
        return akName.clone();
    }

    public byte[] secretHash() {
        return secretHash == null ? null : secretHash.clone();
    }

    public Instant activationExpiresAt() {
        return activationExpiresAt;
    }

    public int activationAttempts() {
        return activationAttempts;
    }

    public Long lastClock() {
        return lastClock;
    }

    public Long lastResetCount() {
        return lastResetCount;
    }

    public Long lastRestartCount() {
        return lastRestartCount;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public long version() {
        return version;
    }
}
