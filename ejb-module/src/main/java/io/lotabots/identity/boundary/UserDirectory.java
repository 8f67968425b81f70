package io.lotabots.identity.boundary;

import io.lotabots.identity.control.IdentityInput;
import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.PasswordPolicy;
import io.lotabots.identity.entity.Role;
import io.lotabots.identity.entity.UserAccount;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The users of a tenant, as its administrators create, list and read them. */
@Stateless
public class UserDirectory {

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    Clock clock;

    @Inject
    IdentityChangeAudit changes;

    /** Refused with every invalid field named ({@link IdentityRefusals#refuseUnlessEmpty}) before anything is written. */
    public UserView create(Caller caller, String username, char[] password, Set<Role> roles) {
        var input = IdentityInput.newUser(username, password, roles);
        boolean passwordChecked = password != null && password.length <= IdentityInput.MAX_PASSWORD;
        IdentityRefusals.refuseUnlessEmpty(
                input,
                passwordChecked ? policy.problems("password", username == null ? "" : username, password) : List.of());
        boolean taken = em.createNamedQuery(UserAccount.BY_LOGIN, UserAccount.class)
                .setParameter("tenantId", caller.tenantId())
                .setParameter("username", username)
                .getResultStream()
                .findAny()
                .isPresent();
        if (taken) {
            throw IdentityRefusals.usernameTaken(username);
        }
        var account = new UserAccount(
                UUID.randomUUID(), caller.tenantId(), username, hasher.hash(password), roles, clock.instant());
        em.persist(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // another request created the same name between our check and this insert
            if (isUniqueViolation(e)) {
                throw IdentityRefusals.usernameTaken(username);
            }
            throw e;
        }
        var created = UserView.of(account);
        changes.userCreated(caller, created);
        return created;
    }

    /** Users ordered by name, case-insensitively; {@code cursor} null for the first page. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads: no transaction to begin and commit
    public Page<UserView> page(Caller caller, String cursor, int limit) {
        String after = cursor == null ? "" : PageCursor.parts(cursor, 1).get(0);
        var rows = em.createNamedQuery(UserAccount.PAGE_OF_TENANT, UserAccount.class)
                .setParameter("tenantId", caller.tenantId())
                .setParameter("after", after)
                .setMaxResults(limit + 1)
                .getResultList();
        return Page.of(
                rows, limit, UserView::of, u -> PageCursor.after(u.username().toLowerCase(Locale.ROOT)));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserView find(Caller caller, UUID id) {
        return UserView.of(TenantUsers.find(em, caller, id));
    }

    /**
     * The id of the caller's tenant's user with this username (case-insensitive), which audit events
     * name as their actor; empty when the tenant has no such user.
     */
    public Optional<UUID> idOf(Caller caller, String username) {
        return em.createNamedQuery(UserAccount.BY_LOGIN, UserAccount.class)
                .setParameter("tenantId", caller.tenantId())
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .map(UserAccount::id);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
