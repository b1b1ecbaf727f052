package cn.pujin.open.pass.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a token's form and Ed25519 signature against the public keys it knows (each decoded once into a
 * point, so a verify costs one signature check). Plain Java, no container: the server and the benchmark
 * run exactly this code.
 */
public final class PassVerifier {

    /** The outcome of checking a token's form and signature (not yet its pass or event). */
    public enum Check { VALID, MALFORMED, INVALID_SIGNATURE, KEY_EXPIRED }

    public record Checked(Check check, PassToken claims) {}

    /** A verifying key: the decoded public point and when it stops being trusted (null: never). */
    public record Key(Ed25519.PublicPoint point, Instant expiresAt) {

        public static Key of(byte[] publicKey, Instant expiresAt) {
            return new Key(Ed25519.validatePublicKeyFullExport(publicKey, 0), expiresAt);
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
        if (!Ed25519.verify(bytes, PassToken.PAYLOAD_BYTES, key.point(), bytes, 0, PassToken.PAYLOAD_BYTES)) {
            return new Checked(Check.INVALID_SIGNATURE, claims);
        }
        if (key.expiresAt() != null && !clock.instant().isBefore(key.expiresAt())) {
            return new Checked(Check.KEY_EXPIRED, claims);
        }
        return new Checked(Check.VALID, claims);
    }
}
