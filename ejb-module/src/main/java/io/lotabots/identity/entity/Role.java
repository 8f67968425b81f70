package io.lotabots.identity.entity;

/**
 * What a principal may do. ADMIN runs the tenant (users, keys, policies); COMPLIANCE_OFFICER reviews
 * attestations, consent and the audit trail; AUDITOR reads the audit trail and results; OPERATOR runs
 * attestations and devices; DEVELOPER integrates bots (submits evidence, reads its own results).
 * PLATFORM_OPERATOR belongs to no tenant: it creates, suspends and resumes tenants and lifts address
 * lockouts, and nothing else.
 */
public enum Role {
    ADMIN,
    COMPLIANCE_OFFICER,
    AUDITOR,
    OPERATOR,
    DEVELOPER,
    PLATFORM_OPERATOR;

    /** Whether users and API keys of a tenant may hold the role. */
    public boolean isTenantRole() {
        return this != PLATFORM_OPERATOR;
    }
}
