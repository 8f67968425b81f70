package io.lotabots.attestation.policy;

import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.audit.boundary.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one attestation type's policies bring to the versioning every type shares ({@link VersionedPolicies}):
 * its head and version entities, its default content, how a validated draft becomes a version row and a row
 * the API's view, and how the audit trail describes a version.
 *
 * @param <H> the type's head entity (one row per tenant and name)
 * @param <R> the type's version entity (immutable once written)
 * @param <D> a validated draft of the content
 * @param <V> one version as the API shows it
 */
public interface PolicyKind<H extends PolicyHead, R, D, V> {

    AttestationType type();

    Class<H> headType();

    Class<R> rowType();

    /** The named query reading one version row (parameters tenantId, name, version). */
    String oneVersionQuery();

    /** The named query listing a name's version numbers in order (parameters tenantId, name). */
    String versionNumbersQuery();

    /** How refusals name a policy of this type ("policy", "model policy"). */
    String noun();

    /** The audit events' target type and action prefix ("hardware-policy"). */
    String auditTarget();

    H newHead(UUID tenantId, String name, Instant now);

    /** The content of the default policy made on a tenant's first use. */
    D defaultDraft();

    R newRow(H head, int version, D draft, String author, Instant now);

    V view(R row, List<Integer> versions);

    /** The content's details of one version in its audit event (counts and flags, never whole PEMs). */
    AuditRecord.Builder describe(AuditRecord.Builder record, V view);
}
