package cn.pujin.open.pass.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An Ed25519 key pair of the deployment; the private half only ever stored sealed (AES-GCM). */
@Entity
@Table(name = "pass_key")
public class PassKey {

    @Id
    private Integer id;

    /** base64url of the 32-byte public key. */
    @Column(name = "public_key", nullable = false, length = 64)
    private String publicKey;

    @Column(name = "private_key_sealed", nullable = false, length = 200)
    private String privateKeySealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected PassKey() {}

    public PassKey(Integer id, String publicKey, String privateKeySealed, Instant createdAt) {
        this.id = id;
        this.publicKey = publicKey;
        this.privateKeySealed = privateKeySealed;
        this.createdAt = createdAt;
    }

    /** A rotated-out key keeps verifying existing passes until it expires. */
    public void expireAt(Instant when) {
        this.expiresAt = when;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Integer getId() { return id; }
    public String getPublicKey() { return publicKey; }
    public String getPrivateKeySealed() { return privateKeySealed; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
}
