package cn.pujin.open.pass.control;

import cn.pujin.open.pass.entity.PassKey;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.Sealing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's pass signing keys (Ed25519, Bouncy Castle's low-level implementation). The newest key
 * signs; every key verifies until it expires. Private keys are stored sealed under {@code PASS_KEY_SECRET}
 * and kept in memory only here. Verifying uses the public point decoded once per key ({@link PassVerifier}).
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

    /** A key as this instance holds it: the verifier's key, which holds the public key and the opened private key. */
    public record Loaded(int id, PassVerifier.Key verifying) {

        public Instant expiresAt() {
            return verifying.expiresAt();
        }

        /** base64url, as stored and as stations receive it. */
        public String publicKeyText() {
            return B64.encodeToString(verifying.publicKey());
        }
    }

    /** Another instance may rotate keys: it tells this one ({@link ClusterBus}), which re-reads them at least this often anyway. */
    private static final long RELOAD_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Everything this instance knows of the keys, replaced as a whole by {@link #reload()}. */
    private record State(Map<Integer, Loaded> keys, Loaded signing, PassVerifier verifier, long loadedNanos) {

        boolean stale() {
            return System.nanoTime() - loadedNanos > RELOAD_NANOS;
        }
    }

    private volatile State state;

    @PostConstruct
    void init() {
        sealingKey = Sealing.aesKey(Sealing.configuredKey("PASS_KEY_SECRET", secret), "pass-keys");
        if (DEMO_SECRET.equals(secret.trim())) {
            LOG.warning("PASS_KEY_SECRET is the public demo secret: set PASS_KEY_SECRET in production");
        }
    }

    private State state() {
        State current = state;
        return current == null || current.stale() ? reload() : current;
    }

    /**
     * The key new passes are signed with (loaded at start-up by {@link PassKeyBootstrap}); re-read once a
     * minute so a rotation on another instance takes over here too.
     */
    public Loaded signing() {
        return state().signing();
    }

    /** A key by id, including ones another instance created after this one loaded. */
    public Loaded key(int id) {
        Loaded k = state().keys().get(id);
        return k != null ? k : reload().keys().get(id);
    }

    public String sign(int keyId, long passId, long eventId, int serial) {
        byte[] payload = PassToken.payload(keyId, passId, eventId, serial);
        return PassToken.encode(payload, key(keyId).verifying().sign(payload, 0, payload.length));
    }

    /** Form, signature and key expiry of a token; keys another instance created are loaded on first sight. */
    public PassVerifier.Checked check(String token) {
        return state().verifier().check(token);
    }

    /** A key id not loaded yet: look once (ids are small and dense; random ids far beyond are forged). */
    private PassVerifier.Key unknownKey(int id) {
        int maxKnown = state().keys().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (id <= 0 || id > maxKnown + 16) {
            return null;
        }
        Loaded k = key(id);
        return k == null ? null : k.verifying();
    }

    /** Public keys for offline verification: id, base64url key, expiry. */
    public List<Loaded> all() {
        return List.copyOf(reload().keys().values());
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
        create(max == null ? 1 : max + 1, now);
        em.flush();
        cluster.publish(ClusterBus.Kind.PASS_KEYS, null);
        return reload().signing();
    }

    @Inject
    ClusterBus cluster;

    /** Another instance rotated the keys: the next use re-reads them (an expired key stops verifying here too). */
    void changedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.PASS_KEYS) {
            state = null;
        }
    }

    /** Reads all keys; the newest signs, and a fresh verifier holds every one of them. */
    private synchronized State reload() {
        List<PassKey> stored = em.createQuery("select k from PassKey k order by k.id", PassKey.class).getResultList();
        if (stored.isEmpty()) {
            stored = List.of(firstKey());
        }
        Map<Integer, Loaded> loaded = new LinkedHashMap<>();
        PassVerifier verifier = new PassVerifier(clock, this::unknownKey);
        for (PassKey k : stored) {
            Loaded key = load(k);
            loaded.put(key.id(), key);
            verifier.put(key.id(), key.verifying());
        }
        State fresh = new State(Collections.unmodifiableMap(loaded), loaded.get(stored.get(stored.size() - 1).getId()), verifier,
                System.nanoTime());
        state = fresh;
        return fresh;
    }

    /** The first key, created by whichever instance gets there first (the primary key settles races). */
    private PassKey firstKey() {
        try {
            return CDI.current().select(PassKeys.class).get().createFirst();
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
        return new Loaded(k.getId(), PassVerifier.Key.of(publicKey, privateKey, k.getExpiresAt()));
    }
}
