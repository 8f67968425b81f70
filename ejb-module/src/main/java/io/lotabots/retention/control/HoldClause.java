package io.lotabots.retention.control;

import io.lotabots.retention.entity.HeldObjectType;

/**
 * The JPQL condition "an active legal hold covers this object", for the queries that pick what to purge.
 * Leaving held objects out in the query itself, rather than skipping them afterwards, keeps them from
 * filling every batch so that nothing behind them would ever be purged.
 */
public final class HoldClause {

    private static final String ENTITY = "io.lotabots.retention.entity.";

    private HoldClause() {}

    /**
     * {@code exists (…)} over the tenant's active holds that cover the object at {@code alias}: its tenant
     * ({@code alias.tenantId}), its owner ({@code ownerPath}) or the object itself ({@code alias.id}).
     */
    public static String held(String alias, String ownerPath, HeldObjectType type) {
        return held(
                alias,
                ownerPath,
                " or (h.scope = " + ENTITY + "HoldScope.OBJECT and h.objectType = " + ENTITY + "HeldObjectType."
                        + type.name() + " and h.objectId = " + alias + ".id)");
    }

    /** As {@link #held}, for objects no object hold can name (exports): their tenant's or owner's holds. */
    public static String heldByTenantOrOwner(String alias, String ownerPath) {
        return held(alias, ownerPath, "");
    }

    private static String held(String alias, String ownerPath, String objectClause) {
        return "exists (select h.id from LegalHold h where h.tenantId = " + alias + ".tenantId"
                + " and h.releasedAt is null and (h.scope = " + ENTITY + "HoldScope.TENANT"
                + " or (h.scope = " + ENTITY + "HoldScope.SUBJECT and h.subject = " + ownerPath + ")"
                + objectClause + "))";
    }
}
