package io.lotabots.identity.entity;

/**
 * What a principal may do. ADMIN runs the tenant (users, keys, policies); COMPLIANCE_OFFICER reviews
 * attestations, consent and the audit trail; AUDITOR reads the audit trail and results; OPERATOR runs
 * attestations and devices; DEVELOPER integrates bots (submits evidence, reads its own results).
 */
public enum Role {
    ADMIN,
    COMPLIANCE_OFFICER,
    AUDITOR,
    OPERATOR,
    DEVELOPER
}
