package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.hardware.checks.EnrolledDevice;
import io.lotabots.attestation.hardware.enrollment.Credential;
import io.lotabots.attestation.hardware.enrollment.EnrollmentInput;
import io.lotabots.attestation.hardware.enrollment.MakeCredential;
import io.lotabots.attestation.hardware.entity.Device;
import io.lotabots.attestation.hardware.entity.DeviceStatus;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.hardware.tpm.ChainValidation;
import io.lotabots.attestation.hardware.tpm.ClockState;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.TimeIdCursor;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Enrolled devices (Keylime-style AK↔EK binding) and the clock each one last showed. */
@Stateless
public class Devices {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeviceAudit audit;

    @Inject
    HardwarePolicies policies;

    @Inject
    @ConfigProperty(name = "lotabots.devices.activation.ttl", defaultValue = "PT15M")
    Duration activationTtl;

    @Inject
    @ConfigProperty(name = "lotabots.devices.activation.max-attempts", defaultValue = "5")
    int maxAttempts;

    /**
     * Enrolls a device: validates the EK and AK, runs MakeCredential for the AK's name to the EK and
     * keeps only the SHA-256 of the secret. The device stays {@code PENDING_ACTIVATION} until
     * {@link #activate} gets the secret back.
     */
    public EnrolledCredential enroll(Caller caller, DeviceEnrollment request) {
        EnrollmentInput.Result read = EnrollmentInput.read(
                request.name(),
                request.ekCertificate(),
                request.ekPublicKey(),
                request.ekPublicArea(),
                request.akPublicArea());
        if (read.input() == null) {
            throw Refusal.invalidInput(read.problems());
        }
        EnrollmentInput input = read.input();
        PolicyVersion policy = requireTrustedEk(caller, request.policy(), input);
        byte[] akName = input.ak().name();
        long live = em.createNamedQuery(Device.LIVE_WITH_AK, Long.class)
                .setParameter("tenantId", caller.tenantId())
                .setParameter("akName", akName)
                .getSingleResult();
        if (live > 0) {
            throw Refusal.conflict("This AK is already enrolled; retire that device first.");
        }
        byte[] secret = new byte[Math.min(SECRET_BYTES, input.ek().nameAlg().digestSize())];
        RANDOM.nextBytes(secret);
        Credential credential = new MakeCredential(RANDOM).make(input.ek(), akName, secret);
        Instant now = clock.instant();
        Device device = new Device(
                UUID.randomUUID(),
                caller.tenantId(),
                input.name(),
                input.ek().tpm2bPublic(),
                input.ekCertificate(),
                input.ak().tpm2bPublic(),
                akName,
                TpmHash.SHA256.digest(secret),
                now.plus(activationTtl),
                caller.subject(),
                now);
        em.persist(device);
        em.flush();
        DeviceView view = DeviceView.of(device);
        audit.enrolled(caller, view, input.ekCertificate() != null, policy);
        return new EnrolledCredential(
                view, credential.credentialBlob(), credential.encryptedSecret(), credential.tpm2ToolsFile());
    }

    /**
     * The policy the enrollment answers to; when it trusts EK CAs, the EK must come with a certificate
     * that chains to one of them now (Keylime's registrar check, made at enrollment).
     */
    private PolicyVersion requireTrustedEk(Caller caller, String policyName, EnrollmentInput input) {
        PolicyVersion version = policies.current(caller.tenantId(), policyName)
                .orElseThrow(() ->
                        Refusal.invalidInput(List.of(new FieldProblem("policy", "names no policy of your tenant"))));
        HardwarePolicy policy = policies.version(caller.tenantId(), version);
        if (policy.trustedEkCas().isEmpty()) {
            return version;
        }
        if (input.ekCertificate() == null) {
            throw Refusal.invalidInput(List.of(new FieldProblem(
                    "ekCertificate", "is required: policy " + version.name() + " trusts only certified EKs")));
        }
        X509Certificate certificate = Certificates.parseOne(input.ekCertificate());
        ChainValidation chain = Certificates.validate(certificate, List.of(), policy.trustedEkCas(), clock.instant());
        if (!chain.trusted()) {
            throw Refusal.invalidInput(List.of(new FieldProblem(
                    "ekCertificate",
                    "does not chain to a trusted EK CA of policy " + version.name() + ": " + chain.detail())));
        }
        return version;
    }

    /**
     * Checks the secret {@code tpm2_activatecredential} recovered (in constant time, against its
     * hash). Wrong secrets count, and after the configured number of them the enrollment is spent.
     * Every attempt is audited; one that does not activate is refused, and what it counted commits.
     */
    public DeviceView activate(Caller caller, UUID id, byte[] secret) {
        Device device = confined(caller, id, em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE));
        Instant now = clock.instant();
        Activation.Outcome outcome;
        if (device.status() != DeviceStatus.PENDING_ACTIVATION) {
            outcome = Activation.Outcome.NOT_PENDING;
        } else if (device.activationAttempts() >= maxAttempts) {
            outcome = Activation.Outcome.NO_ATTEMPTS_LEFT;
        } else if (!now.isBefore(device.activationExpiresAt())) {
            outcome = Activation.Outcome.EXPIRED;
        } else if (MessageDigest.isEqual(device.secretHash(), TpmHash.SHA256.digest(secret))) {
            device.activate(now);
            outcome = Activation.Outcome.ACTIVATED;
        } else {
            device.activationFailed(now);
            outcome = Activation.Outcome.WRONG_SECRET;
        }
        em.flush();
        Activation activation =
                new Activation(outcome, DeviceView.of(device), Math.max(0, maxAttempts - device.activationAttempts()));
        audit.activation(caller, activation);
        if (outcome != Activation.Outcome.ACTIVATED) {
            throw activation.refusal();
        }
        return activation.device();
    }

    /** The tenant's devices in the order they were enrolled, retired ones included. */
    public Page<DeviceView> page(Caller caller, String cursor, int limit) {
        var after = TimeIdCursor.of(cursor);
        var rows = em.createNamedQuery(Device.PAGE_OF_TENANT, Device.class)
                .setParameter("tenantId", caller.tenantId())
                .setParameter("afterTime", after.time())
                .setParameter("afterId", after.id())
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        Device last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Page<>(
                shown.stream().map(DeviceView::of).toList(),
                more ? new TimeIdCursor(last.createdAt(), last.id()).encode() : null);
    }

    public DeviceView find(Caller caller, UUID id) {
        return DeviceView.of(confined(caller, id, em.find(Device.class, id)));
    }

    /** Retires the device: its quotes no longer count as enrolled. Retiring twice changes nothing. */
    public DeviceView retire(Caller caller, UUID id) {
        Device device = confined(caller, id, em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE));
        boolean wasRetired = device.status() == DeviceStatus.RETIRED;
        device.retire(clock.instant());
        em.flush();
        DeviceView view = DeviceView.of(device);
        if (!wasRetired) {
            audit.retired(caller, view);
        }
        return view;
    }

    /**
     * The tenant's device, locked ({@code SELECT … FOR UPDATE}) until the caller's transaction ends so
     * that two quotes of one device are checked against each other's clock one after the other; empty
     * when the tenant has no such device.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<EnrolledDevice> lockForVerification(UUID tenantId, UUID deviceId) {
        Device device = em.find(Device.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
        if (device == null || !device.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        ClockState last = device.lastClock() == null
                ? null
                : new ClockState(device.lastClock(), device.lastResetCount(), device.lastRestartCount());
        return Optional.of(new EnrolledDevice(
                device.id(), device.status() == DeviceStatus.ACTIVE, device.akName(), device.akPublicArea(), last));
    }

    /** Remembers the clock of a quote whose signature verified (called in the same transaction). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordClock(UUID tenantId, UUID deviceId, ClockState clockState) {
        Device device = em.find(Device.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
        if (device != null && device.tenantId().equals(tenantId)) {
            device.recordClock(clockState.clock(), clockState.resetCount(), clockState.restartCount(), clock.instant());
        }
    }

    private static Device confined(Caller caller, UUID id, Device device) {
        if (device == null || !device.tenantId().equals(caller.tenantId())) {
            throw Refusal.notFound("No device " + id + ".");
        }
        return device;
    }
}
