package io.lotabots.attestation.hardware.entity;

import io.lotabots.platform.persistence.JsonObjectConverter;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One immutable version of a hardware policy, as it was written. */
@Entity
@Table(name = "hardware_policy_version")
@NamedQuery(
        name = HardwarePolicyVersion.ONE,
        query = "select v from HardwarePolicyVersion v where v.tenantId = :tenantId and v.name = :name"
                + " and v.version = :version")
@NamedQuery(
        name = HardwarePolicyVersion.NUMBERS,
        query = "select v.version from HardwarePolicyVersion v where v.tenantId = :tenantId and v.name = :name"
                + " order by v.version")
public class HardwarePolicyVersion {

    public static final String ONE = "HardwarePolicyVersion.one";
    public static final String NUMBERS = "HardwarePolicyVersion.numbers";

    @Id
    private UUID id;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private String name;

    @Column(updatable = false)
    private int version;

    @Column(name = "pcr_selection", updatable = false)
    private String pcrSelection;

    @Convert(converter = JsonObjectConverter.class)
    @Column(name = "reference_values", columnDefinition = "jsonb", updatable = false)
    private JsonObject referenceValues;

    @Column(name = "event_log_required", updatable = false)
    private boolean eventLogRequired;

    @Column(name = "trusted_ak_cas", updatable = false)
    private String trustedAkCas;

    @Column(name = "trusted_ek_cas", updatable = false)
    private String trustedEkCas;

    @Column(name = "enrolled_device_required", updatable = false)
    private boolean enrolledDeviceRequired;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected HardwarePolicyVersion() {}

    public HardwarePolicyVersion(
            UUID tenantId,
            String name,
            int version,
            String pcrSelection,
            JsonObject referenceValues,
            boolean eventLogRequired,
            String trustedAkCas,
            String trustedEkCas,
            boolean enrolledDeviceRequired,
            String createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.version = version;
        this.pcrSelection = pcrSelection;
        this.referenceValues = referenceValues;
        this.eventLogRequired = eventLogRequired;
        this.trustedAkCas = trustedAkCas;
        this.trustedEkCas = trustedEkCas;
        this.enrolledDeviceRequired = enrolledDeviceRequired;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String pcrSelection() {
        return pcrSelection;
    }

    public JsonObject referenceValues() {
        return referenceValues;
    }

    public boolean eventLogRequired() {
        return eventLogRequired;
    }

    public String trustedAkCas() {
        return trustedAkCas;
    }

    public String trustedEkCas() {
        return trustedEkCas;
    }

    public boolean enrolledDeviceRequired() {
        return enrolledDeviceRequired;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
