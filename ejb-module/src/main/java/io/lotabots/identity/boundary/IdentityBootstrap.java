package io.lotabots.identity.boundary;

import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.PasswordPolicy;
import io.lotabots.identity.entity.Role;
import io.lotabots.identity.entity.Tenant;
import io.lotabots.identity.entity.UserAccount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On an empty database, creates the first tenant and its administrator from configuration; while the
 * platform has no operator, creates the first platform operator the same way. The passwords come from
 * secrets (LOTABOTS_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD, LOTABOTS_IDENTITY_BOOTSTRAP_PLATFORM_OPERATOR_PASSWORD)
 * and are never logged.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class IdentityBootstrap {

    private static final Logger LOG = Logger.getLogger(IdentityBootstrap.class.getName());

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.identity.bootstrap.tenant", defaultValue = "default")
    String tenantName;

    @Inject
    @ConfigProperty(name = "lotabots.identity.bootstrap.admin-username", defaultValue = "admin")
    String adminUsername;

    @Inject
    @ConfigProperty(name = "lotabots.identity.bootstrap.admin-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "lotabots.identity.bootstrap.platform-operator-username", defaultValue = "operator")
    String operatorUsername;

    @Inject
    @ConfigProperty(name = "lotabots.identity.bootstrap.platform-operator-password")
    Optional<String> operatorPassword;

    @PostConstruct
    void createFirstAccounts() {
        createFirstAdministrator();
        createFirstPlatformOperator();
    }

    /** The platform pseudo-tenant exists from the migrations on; its first operator comes from config. */
    private void createFirstPlatformOperator() {
        long operators = em.createNamedQuery(UserAccount.COUNT_OF_TENANT, Long.class)
                .setParameter("tenantId", Tenant.PLATFORM_ID)
                .getSingleResult();
        if (operators > 0 || operatorPassword.filter(p -> !p.isBlank()).isEmpty()) {
            return;
        }
        char[] password = operatorPassword.get().toCharArray();
        var violations = policy.check(operatorUsername, password);
        if (!violations.isEmpty()) {
            LOG.severe(() -> "The bootstrap platform operator password breaks the password policy (" + violations
                    + "): no platform operator created");
            return;
        }
        em.persist(new UserAccount(
                UUID.randomUUID(),
                Tenant.PLATFORM_ID,
                operatorUsername,
                hasher.hash(password),
                EnumSet.of(Role.PLATFORM_OPERATOR),
                clock.instant()));
        LOG.info(() -> "Created platform operator " + operatorUsername);
    }

    private void createFirstAdministrator() {
        long users = em.createNamedQuery(UserAccount.COUNT_OUTSIDE, Long.class)
                .setParameter("tenantId", Tenant.PLATFORM_ID)
                .getSingleResult();
        if (users > 0) {
            return;
        }
        if (adminPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning(
                    "No users yet and LOTABOTS_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD is not set: no administrator created");
            return;
        }
        char[] password = adminPassword.get().toCharArray();
        var violations = policy.check(adminUsername, password);
        if (!violations.isEmpty()) {
            LOG.severe(() -> "The bootstrap administrator password breaks the password policy (" + violations
                    + "): no administrator created");
            return;
        }
        var now = clock.instant();
        var tenant = em.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                .setParameter("name", tenantName)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    var created = new Tenant(UUID.randomUUID(), tenantName, now);
                    em.persist(created);
                    return created;
                });
        em.persist(new UserAccount(
                UUID.randomUUID(), tenant.id(), adminUsername, hasher.hash(password), EnumSet.of(Role.ADMIN), now));
        LOG.info(() -> "Created administrator " + adminUsername + " of tenant " + tenantName);
    }
}
