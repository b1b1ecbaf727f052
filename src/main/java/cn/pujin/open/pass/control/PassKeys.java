package cn.pujin.open.pass.control;

import cn.pujin.open.pass.entity.PassKey;
import cn.pujin.open.platform.control.Sealing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's pass signing keys (Ed25519, Bouncy Castle's low-level implementation). The newest key
 * signs; every key verifies until it expires. Private keys are stored sealed under {@code PASS_KEY_SECRET}
 * and kept in memory only here. Verifying uses the public point decoded once per key.
 */
@ApplicationScoped
public class PassKeys {

    /** The default in microprofile-config.properties. Demo only: anyone can read it in the repository. */
    public static final String DEMO_SECRET = "ZGVtby1wYXNzLWtleXMtTk9ULUZPUi1QUk9EVUNUTiE=";
    private static final Logger LOG = Logger.getLogger(PassKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "PASS_KEY_SECRET")
    String secret;

    private SecretKeySpec sealingKey;

    /** A key as this instance holds it; {@code privateKey} is null for keys it only verifies with. */
    public record Loaded(int id, byte[] publicKey, Ed25519.PublicPoint point, byte[] privateKey, Instant expiresAt) {}

    private final Map<Integer, Loaded> keys = new ConcurrentHashMap<>();
    private volatile Loaded signing;

    @PostConstruct
    void init() {
        sealingKey = Sealing.aesKey(Sealing.configuredKey("PASS_KEY_SECRET", secret), "pass-keys");
        if (DEMO_SECRET.equals(secret.trim())) {
            LOG.warning("PASS_KEY_SECRET is the public demo secret: set PASS_KEY_SECRET in production");
        }
    }

    private volatile long signingLoadedNanos;

    /**
     * The key new passes are signed with (loaded at start-up by {@link PassKeyBootstrap}); re-read once a
     * minute so a rotation on another instance takes over here too.
     */
    public Loaded signing() {
        Loaded current = signing;
        if (current == null || System.nanoTime() - signingLoadedNanos > RELOAD_NANOS) {
            current = reload();
        }
        return current;
    }

    /** A key by id, including ones another instance created after this one loaded. */
    public Loaded key(int id) {
        Loaded k = keys.get(id);
        if (k == null) {
            reload();
            k = keys.get(id);
        }
        return k;
    }

    public String sign(int keyId, long passId, long eventId, int serial) {
        Loaded key = key(keyId);
        byte[] payload = PassToken.payload(keyId, passId, eventId, serial);
        byte[] signature = new byte[PassToken.SIGNATURE_BYTES];
        Ed25519.sign(key.privateKey(), 0, payload, 0, payload.length, signature, 0);
        return PassToken.encode(payload, signature);
    }

    private volatile PassVerifier verifier;
    private volatile long verifierLoadedNanos;
    /** Another instance may rotate keys: this one re-reads them at least this often. */
    private static final long RELOAD_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    /** Form, signature and key expiry of a token; keys another instance created are loaded on first sight. */
    public PassVerifier.Checked check(String token) {
        PassVerifier v = verifier;
        if (v == null || System.nanoTime() - verifierLoadedNanos > RELOAD_NANOS) {
            v = verifier();
        }
        return v.check(token);
    }

    private synchronized PassVerifier verifier() {
        if (verifier == null || System.nanoTime() - verifierLoadedNanos > RELOAD_NANOS) {
            verifierLoadedNanos = System.nanoTime();
            PassVerifier v = new PassVerifier(clock, this::unknownKey);
            reload();
            keys.values().forEach(k -> v.put(k.id(), new PassVerifier.Key(k.point(), k.expiresAt())));
            verifier = v;
        }
        return verifier;
    }

    /** A key id not loaded yet: look once (ids are small and dense; random ids far beyond are forged). */
    private PassVerifier.Key unknownKey(int id) {
        if (id <= 0 || id > maxKnownId() + 16) {
            return null;
        }
        Loaded k = key(id);
        if (k == null) {
            return null;
        }
        PassVerifier.Key key = new PassVerifier.Key(k.point(), k.expiresAt());
        verifier.put(id, key);
        return key;
    }

    private int maxKnownId() {
        return keys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Public keys for offline verification: id, base64url key, expiry. */
    public List<Loaded> all() {
        reload();
        return keys.values().stream().sorted(java.util.Comparator.comparingInt(Loaded::id)).toList();
    }

    /**
     * A new signing key (yearly rotation, or a suspected leak). With {@code expireOthers} every older key
     * stops verifying at once; the caller re-issues the passes they signed.
     */
    @Transactional
    public synchronized Loaded rotate(boolean expireOthers) {
        Instant now = clock.instant();
        Integer max = em.createQuery("select max(k.id) from PassKey k", Integer.class).getSingleResult();
        if (expireOthers) {
            em.createQuery("update PassKey k set k.expiresAt = :now where k.expiresAt is null")
                    .setParameter("now", now).executeUpdate();
        }
        PassKey created = create(max == null ? 1 : max + 1, now);
        em.flush();
        keys.clear();
        signing = null;
        verifier = null;
        Loaded loaded = load(created);
        keys.put(loaded.id(), loaded);
        signing = loaded;
        return loaded;
    }

    private synchronized Loaded reload() {
        List<PassKey> stored = em.createQuery("select k from PassKey k order by k.id", PassKey.class).getResultList();
        if (stored.isEmpty()) {
            stored = List.of(firstKey());
        }
        for (PassKey k : stored) {
            keys.put(k.getId(), load(k));
        }
        Loaded newest = keys.get(stored.get(stored.size() - 1).getId());
        signing = newest;
        signingLoadedNanos = System.nanoTime();
        return newest;
    }

    /** The first key, created by whichever instance gets there first (the primary key settles races). */
    private PassKey firstKey() {
        try {
            return jakarta.enterprise.inject.spi.CDI.current().select(PassKeys.class).get().createFirst();
        } catch (RuntimeException raced) {
            return em.find(PassKey.class, 1);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PassKey createFirst() {
        PassKey k = create(1, clock.instant());
        em.flush();
        return k;
    }

    private PassKey create(int id, Instant now) {
        byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(RANDOM, privateKey);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        PassKey k = new PassKey(id, B64.encodeToString(publicKey), B64.encodeToString(Sealing.seal(sealingKey, privateKey)), now);
        em.persist(k);
        LOG.info(() -> "pass signing key " + id + " created");
        return k;
    }

    private Loaded load(PassKey k) {
        byte[] publicKey = Base64.getUrlDecoder().decode(k.getPublicKey());
        byte[] privateKey;
        try {
            privateKey = Sealing.open(sealingKey, Base64.getUrlDecoder().decode(k.getPrivateKeySealed()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("pass key " + k.getId() + " cannot be opened with the configured PASS_KEY_SECRET", e);
        }
        return new Loaded(k.getId(), publicKey, Ed25519.validatePublicKeyFullExport(publicKey, 0), privateKey, k.getExpiresAt());
    }
}
