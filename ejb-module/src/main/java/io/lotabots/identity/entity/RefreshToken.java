package io.lotabots.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token, kept only as the SHA-256 of its value; it can be spent once. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "spent_at")
    private Instant spentAt;

    protected RefreshToken() {}

    public RefreshToken(String tokenHash, UUID sessionId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    public void spend(Instant now) {
        this.spentAt = now;
    }

    public boolean isSpent() {
        return spentAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public UUID sessionId() {
        return sessionId;
    }
}
