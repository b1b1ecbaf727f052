package cn.pujin.open.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripts and stations send HTTP Basic on every call; hashing the password (PBKDF2) each time would make
 * every request cost tens of milliseconds. A successful check is remembered for a minute under a SHA-256
 * of the credentials (never the password itself); a role change forgets the account at once.
 */
@ApplicationScoped
public class CredentialCache {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 20_000;

    private record Entry(long accountId, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Long lookup(String login, String password) {
        Entry entry = entries.get(key(login, password));
        if (entry == null || entry.expiresAtNanos < System.nanoTime()) {
            return null;
        }
        return entry.accountId;
    }

    public void remember(String login, String password, long accountId) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(login, password), new Entry(accountId, System.nanoTime() + TTL.toNanos()));
    }

    public void forget(long accountId) {
        entries.values().removeIf(e -> e.accountId == accountId);
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
