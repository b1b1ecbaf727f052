package cn.pujin.open.pass.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a token's form and Ed25519 signature against the keys it knows. Plain Java, no container: the server
 * and the benchmark run exactly this code.
 *
 * <p>The server issued every pass it is shown, and Ed25519 signatures are deterministic (RFC 8032 §5.1.6): a
 * payload has exactly one signature under a key. So where the private key is at hand (the server's own keys)
 * a token is checked by signing its payload again and comparing the two signatures in constant time — a fixed-base
 * multiplication instead of verification's double one, about twice as fast, and stricter: any other encoding
 * that a verifier might accept is refused. Forging a token still means forging an Ed25519 signature. Keys known by
 * their public half only (and every station offline) verify the signature with the public point, decoded once.
 */
public final class PassVerifier {

    /** The outcome of checking a token's form and signature (not yet its pass or event). */
    public enum Check { VALID, MALFORMED, INVALID_SIGNATURE, KEY_EXPIRED }

    public record Checked(Check check, PassToken claims) {}

    /**
     * A key: the decoded public point, the key pair when this process signs with it (else null), and when it stops
     * being trusted (null: never).
     */
    public record Key(Ed25519.PublicPoint point, byte[] publicKey, byte[] privateKey, Instant expiresAt) {

        /** A key known by its public half only: tokens are verified. */
        public static Key of(byte[] publicKey, Instant expiresAt) {
            return new Key(Ed25519.validatePublicKeyFullExport(publicKey, 0), publicKey.clone(), null, expiresAt);
        }

        /** One of this server's own keys: tokens are signed again and compared. */
        public static Key of(byte[] publicKey, byte[] privateKey, Instant expiresAt) {
            return new Key(Ed25519.validatePublicKeyFullExport(publicKey, 0), publicKey.clone(), privateKey.clone(), expiresAt);
        }

        /**
         * This key's signature of {@code length} bytes at {@code offset} (keys with their private half only); the
         * public key is given, so Bouncy Castle does not derive it again.
         */
        public byte[] sign(byte[] message, int offset, int length) {
            byte[] signature = new byte[PassToken.SIGNATURE_BYTES];
            Ed25519.sign(privateKey, 0, publicKey, 0, message, offset, length, signature, 0);
            return signature;
        }

        /** Whether {@code token} (payload then signature) carries this key's signature of its payload. */
        boolean signed(byte[] token) {
            if (privateKey == null) {
                return Ed25519.verify(token, PassToken.PAYLOAD_BYTES, point, token, 0, PassToken.PAYLOAD_BYTES);
            }
            byte[] expected = sign(token, 0, PassToken.PAYLOAD_BYTES);
            int difference = token.length ^ (PassToken.PAYLOAD_BYTES + PassToken.SIGNATURE_BYTES);
            for (int i = 0; i < PassToken.SIGNATURE_BYTES; i++) {
                difference |= expected[i] ^ token[PassToken.PAYLOAD_BYTES + i];
            }
            return difference == 0;
        }
    }

    private final Map<Integer, Key> keys = new ConcurrentHashMap<>();
    private final Clock clock;
    private final IntFunction<Key> unknownKey;

    /** {@code unknownKey} is asked for a key id this verifier has not seen (another instance made it). */
    public PassVerifier(Clock clock, IntFunction<Key> unknownKey) {
        this.clock = clock;
        this.unknownKey = unknownKey;
    }

    public void put(int id, Key key) {
        keys.put(id, key);
    }

    public Checked check(String token) {
        if (token == null || token.length() > 1024) {
            return new Checked(Check.MALFORMED, null);
        }
        var decoded = PassToken.decode(token.strip());
        if (decoded.isEmpty()) {
            return new Checked(Check.MALFORMED, null);
        }
        PassToken claims = decoded.get().claims();
        Key key = keys.get(claims.keyId());
        if (key == null) {
            key = unknownKey.apply(claims.keyId());
        }
        if (key == null) {
            return new Checked(Check.INVALID_SIGNATURE, claims);
        }
        byte[] bytes = decoded.get().bytes();
        if (!key.signed(bytes)) {
            return new Checked(Check.INVALID_SIGNATURE, claims);
        }
        if (key.expiresAt() != null && !clock.instant().isBefore(key.expiresAt())) {
            return new Checked(Check.KEY_EXPIRED, claims);
        }
        return new Checked(Check.VALID, claims);
    }
}
