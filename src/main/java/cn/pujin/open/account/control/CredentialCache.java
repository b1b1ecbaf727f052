package cn.pujin.open.account.control;

import cn.pujin.open.platform.control.ClusterBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripts and stations send HTTP Basic on every call; hashing the password (PBKDF2) each time would make
 * every request cost tens of milliseconds, and reading the account and its roles again two database round trips.
 * A successful check is remembered under a SHA-256 of the credentials (never the password itself), with what
 * authentication needs of the account ({@link LoginGuard.Caller}: id, roles, session epoch), until it goes unused for
 * ten minutes; a role or password change, a lock or a deletion forgets the account at once, on every instance of
 * the cluster ({@link ClusterBus}).
 */
@ApplicationScoped
public class CredentialCache {

    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 20_000;

    private record Entry(LoginGuard.Caller caller, long lastUsedNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public LoginGuard.Caller lookup(String login, String password) {
        String key = key(login, password);
        Entry entry = entries.get(key);
        long now = System.nanoTime();
        if (entry == null || now - entry.lastUsedNanos > IDLE.toNanos()) {
            return null;
        }
        if (now - entry.lastUsedNanos > IDLE.toNanos() / 10) {
            entries.put(key, new Entry(entry.caller, now));
        }
        return entry.caller;
    }

    public void remember(String login, String password, LoginGuard.Caller caller) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(login, password), new Entry(caller, System.nanoTime()));
    }

    @Inject
    ClusterBus cluster;

    /** Here now, and on the other instances once the change commits. */
    public void forget(long accountId) {
        forgetHere(accountId);
        // and again after the commit: a sign-in in between read the account as it was and may have remembered it
        cluster.afterCommit(() -> forgetHere(accountId));
        cluster.publish(ClusterBus.Kind.ACCOUNT, accountId);
    }

    void changedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.ACCOUNT && change.id() != null) {
            forgetHere(change.id());
        }
    }

    private void forgetHere(long accountId) {
        entries.values().removeIf(e -> e.caller.id() == accountId);
    }

    private static String key(String login, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(login.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
