package io.lotabots.identity.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.control.OneTimePasswords;
import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.entity.Role;
import io.lotabots.identity.entity.Tenant;
import io.lotabots.identity.entity.UserAccount;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

/**
 * The tenants, as the platform operator runs them: create one with its first administrator, list,
 * suspend and resume. Every change is audited on the platform chain (the operator's own trail) and
 * on the tenant's chain, so the tenant's auditors see who created its administrator or stopped it.
 * The platform pseudo-tenant is never one of them.
 */
@Stateless
public class TenantDirectory {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionTermination sessions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** {@code name} and {@code adminUsername} are validated by the caller (form, reserved name). */
    public CreatedTenant create(String name, String adminUsername) {
        boolean taken = em.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .isPresent();
        if (taken) {
            throw IdentityRefusals.tenantNameTaken(name);
        }
        var now = clock.instant();
        var tenant = new Tenant(UUID.randomUUID(), name, now);
        em.persist(tenant);
        char[] oneTime = OneTimePasswords.generate();
        var admin = new UserAccount(
                UUID.randomUUID(), tenant.id(), adminUsername, hasher.hash(oneTime), EnumSet.of(Role.ADMIN), now);
        admin.requirePasswordChange();
        em.persist(admin);
        em.flush(); // a concurrent creation of the same name fails here (unique name), not at the commit
        audit.record(AuditRecord.success("platform.tenant.created")
                .tenant(AuditTrail.PLATFORM)
                .target("tenant", tenant.id())
                .detail("name", name)
                .detail("adminUsername", adminUsername)
                .build());
        audit.record(AuditRecord.success("identity.user.created")
                .tenant(tenant.id())
                .target("user", admin.id())
                .detail("username", adminUsername)
                .detail(
                        "roles",
                        io.lotabots.platform.json.Json.createArrayBuilder()
                                .add(Role.ADMIN.name())
                                .build())
                .detail("byPlatformOperator", true)
                .detail("oneTimePassword", true)
                .build());
        return new CreatedTenant(TenantView.of(tenant), admin.id(), adminUsername, new String(oneTime));
    }

    /** Tenants ordered by name; {@code cursor} null for the first page. */
    public Page<TenantView> page(String cursor, int limit) {
        String after = cursor == null ? "" : PageCursor.parts(cursor, 1).get(0);
        var rows = em.createNamedQuery(Tenant.PAGE, Tenant.class)
                .setParameter("platform", Tenant.PLATFORM_ID)
                .setParameter("after", after)
                .setMaxResults(limit + 1)
                .getResultList();
        return Page.of(rows, limit, TenantView::of, t -> PageCursor.after(t.name()));
    }

    public TenantView get(UUID id) {
        return TenantView.of(find(id, LockModeType.NONE));
    }

    /**
     * Stops the tenant: its logins, refreshes and API-key exchanges are refused from the commit on,
     * and every live session is revoked through the same Redis stream as a logout, so every server
     * refuses the tenant's access tokens within a second.
     */
    public TenantView suspend(UUID id) {
        var tenant = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (tenant.isSuspended()) {
            throw IdentityRefusals.tenantState(true);
        }
        tenant.suspend(clock.instant());
        em.flush(); // the row is written (and locked) before the sessions are read
        int ended = sessions.endSessionsOfTenant(tenant.id(), "tenant-suspended");
        recordChange("suspended", tenant, ended);
        return TenantView.of(tenant);
    }

    /** Lets the tenant's users and keys sign in again; sessions revoked by the suspension stay revoked. */
    public TenantView resume(UUID id) {
        var tenant = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (!tenant.isSuspended()) {
            throw IdentityRefusals.tenantState(false);
        }
        tenant.resume();
        recordChange("resumed", tenant, 0);
        return TenantView.of(tenant);
    }

    private void recordChange(String what, Tenant tenant, int sessionsEnded) {
        audit.record(AuditRecord.success("platform.tenant." + what)
                .tenant(AuditTrail.PLATFORM)
                .target("tenant", tenant.id())
                .detail("name", tenant.name())
                .detail("sessionsEnded", sessionsEnded)
                .build());
        audit.record(AuditRecord.success("tenant." + what)
                .tenant(tenant.id())
                .target("tenant", tenant.id())
                .detail("sessionsEnded", sessionsEnded)
                .build());
    }

    private Tenant find(UUID id, LockModeType lock) {
        var tenant = em.find(Tenant.class, id, lock);
        if (tenant == null || tenant.isPlatform()) {
            throw Refusal.notFound("There is no tenant with this id.");
        }
        return tenant;
    }
}
