package io.lotabots.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A person who logs in to one tenant, with the roles they hold there. */
@Entity
@Table(name = "user_account")
@NamedQuery(
        name = UserAccount.BY_LOGIN,
        query = "select u from UserAccount u where u.tenantId = :tenantId and lower(u.username) = lower(:username)")
// one statement for the user and its roles, where em.find issues a second one for the roles
@NamedQuery(
        name = UserAccount.WITH_ROLES,
        query = "select u from UserAccount u left join fetch u.roles where u.id = :id")
@NamedQuery(
        name = UserAccount.COUNT_OF_TENANT,
        query = "select count(u) from UserAccount u where u.tenantId = :tenantId")
@NamedQuery(
        name = UserAccount.COUNT_OUTSIDE,
        query = "select count(u) from UserAccount u where u.tenantId <> :tenantId")
@NamedQuery(
        name = UserAccount.PAGE_OF_TENANT,
        query = "select u from UserAccount u where u.tenantId = :tenantId and lower(u.username) > :after"
                + " order by lower(u.username)")
@NamedQuery(
        name = UserAccount.COUNT_OTHER_ADMINS,
        query = "select count(u) from UserAccount u join u.roles r where u.tenantId = :tenantId"
                + " and u.enabled = true and r = io.lotabots.identity.entity.Role.ADMIN and u.id <> :userId")
// Native SQL: EclipseLink's JPQL bulk update raises the @Version column, which is exactly what these two must not do.
@NamedNativeQuery(
        name = UserAccount.RECORD_LOGIN,
        query = "update lotabots.user_account set last_login_at = ?1 where id = ?2"
                + " and (last_login_at is null or last_login_at < ?3)")
@NamedNativeQuery(
        name = UserAccount.UPGRADE_PASSWORD_HASH,
        query =
                "update lotabots.user_account set password_hash = ?1, updated_at = ?2 where id = ?3 and password_hash = ?4")
public class UserAccount {

    public static final String BY_LOGIN = "UserAccount.byLogin";
    public static final String WITH_ROLES = "UserAccount.withRoles";
    public static final String COUNT_OF_TENANT = "UserAccount.countOfTenant";
    public static final String COUNT_OUTSIDE = "UserAccount.countOutsideTenant";
    public static final String PAGE_OF_TENANT = "UserAccount.pageOfTenant";
    public static final String COUNT_OTHER_ADMINS = "UserAccount.countOtherEnabledAdmins";
    /**
     * A successful login, as a bulk update that leaves {@code version} alone: concurrent logins of one
     * account must not fail each other with an optimistic-lock conflict, and a login is not an edit that
     * should change the ETag an administrator holds.
     */
    public static final String RECORD_LOGIN = "UserAccount.recordLogin";
    /**
     * Replaces a hash made with weaker parameters after a successful login, unless the password
     * changed meanwhile; the same reasons as {@link #RECORD_LOGIN}, and the hash is not part of the user's view.
     */
    public static final String UPGRADE_PASSWORD_HASH = "UserAccount.upgradePasswordHash";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "password_change_required")
    private boolean passwordChangeRequired;

    @Version
    private long version;

    protected UserAccount() {}

    public UserAccount(UUID id, UUID tenantId, String username, String passwordHash, Set<Role> roles, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.roles = new HashSet<>(roles);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records a successful login; a hash at outdated parameters is replaced by the caller's new one. */
    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void assignRoles(Set<Role> newRoles, Instant now) {
        this.roles.clear();
        this.roles.addAll(newRoles);
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    public void changePassword(String newPasswordHash, Instant now) {
        this.passwordHash = newPasswordHash;
        this.passwordChangeRequired = false;
        this.updatedAt = now;
    }

    /** The password was handed out (a one-time password): the user must choose their own at the next login. */
    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    /** The optimistic-lock version, which the API publishes as the ETag. */
    public long version() {
        return version;
    }
}
