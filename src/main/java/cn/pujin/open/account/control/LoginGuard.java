package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.RateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in and sign-up against guessing and mass registration. Every sign-in — login page and HTTP Basic — goes
 * through {@link #signIn}:
 * <ul>
 *   <li>one client address that fails {@code LOGIN_MAX_FAILURES} times for an account within {@code LOGIN_LOCK_MINUTES}
 *       is refused for that account for the rest of that time — only that address: the owner elsewhere still signs in;</li>
 *   <li>the account itself is locked for {@code LOGIN_LOCK_MINUTES} only when, within that time, it failed
 *       {@code LOGIN_MAX_FAILURES} times from at least {@code LOGIN_LOCK_ADDRESSES} different addresses (guessing spread
 *       over many addresses). While locked even the right password is refused, with the time it opens again. The
 *       failures and the lock live in the database, so every instance sees them, and the lock ends every session;</li>
 *   <li>an address that failed {@code LOGIN_MAX_FAILURES_PER_ADDRESS} times within the lock period is refused for
 *       the rest of it, whatever login it tries (guessing across many accounts);</li>
 *   <li>an address may sign up {@code SIGNUP_MAX_PER_ADDRESS} times an hour.</li>
 * </ul>
 * Addresses and account-address pairs are counted in this instance's memory; account locks in the database.
 */
@ApplicationScoped
public class LoginGuard {

    /** What a sign-in attempt came to. */
    public sealed interface Outcome permits Valid, Invalid, Locked {}

    public record Valid(Caller caller) implements Outcome {}

    /** What authentication needs of an account: its id, its roles as groups, and the epoch sessions start at. */
    public record Caller(long id, Set<String> groups, int sessionEpoch) {
        static Caller of(Account account) {
            return new Caller(account.getId(), AccountIdentityStore.groups(account), account.getSessionEpoch());
        }
    }

    public record Invalid() implements Outcome {}

    /** Refused without looking at the password, until {@code until}. */
    public record Locked(Instant until) implements Outcome {}

    @Inject
    Accounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    CredentialCache cache;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "LOGIN_LOCK_MINUTES", defaultValue = "15")
    int lockMinutes;

    @Inject
    @ConfigProperty(name = "LOGIN_LOCK_ADDRESSES", defaultValue = "3")
    int lockAddresses;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_ADDRESS", defaultValue = "30")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "SIGNUP_MAX_PER_ADDRESS", defaultValue = "20")
    int maxSignUpsPerAddress;

    private RateLimit failuresByAddress;

    /** Failures of one address for one account ({@code accountId|address}). */
    private RateLimit failuresByPair;

    private RateLimit signUpsByAddress;

    @PostConstruct
    void init() {
        failuresByAddress = new RateLimit(maxFailuresPerAddress, Duration.ofMinutes(lockMinutes));
        failuresByPair = new RateLimit(maxFailures, Duration.ofMinutes(lockMinutes));
        signUpsByAddress = new RateLimit(maxSignUpsPerAddress, Duration.ofHours(1));
    }

    /** For callers that know no address (the identity store): only the account's own count applies. */
    public static final String NO_ADDRESS = "";

    public Outcome signIn(String login, String password, String address) {
        Instant now = clock.instant();
        Optional<Instant> throttled = address.isEmpty() ? Optional.empty() : failuresByAddress.blockedUntil(address, now);
        if (throttled.isPresent()) {
            return new Locked(throttled.get());
        }
        Caller cached = login == null || password == null ? null : cache.lookup(login, password);
        if (cached != null) {
            // a lock, a deletion, a role or password change forgets the cached caller on every instance
            String pair = cached.id() + "|" + address;
            Optional<Instant> pairBlocked = failuresByPair.blockedUntil(pair, now);
            return pairBlocked.isPresent() ? new Locked(pairBlocked.get()) : new Valid(cached);
        }
        Optional<Account> known = accounts.findForLogin(login);
        if (known.isPresent() && known.get().getLockedUntil() != null && now.isBefore(known.get().getLockedUntil())) {
            return new Locked(known.get().getLockedUntil());
        }
        String pair = known.map(a -> a.getId() + "|" + address).orElse(null);
        Optional<Instant> pairBlocked = pair == null ? Optional.empty() : failuresByPair.blockedUntil(pair, now);
        if (pairBlocked.isPresent()) {
            return new Locked(pairBlocked.get());
        }
        Optional<Account> account = accounts.verify(known, password);
        if (account.isEmpty()) {
            if (!address.isEmpty()) {
                failuresByAddress.hit(address, now);
            }
            if (known.isPresent()) {
                failuresByPair.hit(pair, now);
                credentials.failedSignIn(known.get().getId(), address, now, Duration.ofMinutes(lockMinutes), maxFailures, lockAddresses);
            }
            return new Invalid();
        }
        if (known.get().isDeleted()) {
            return new Invalid();
        }
        Caller caller = Caller.of(account.get());
        cache.remember(login, password, caller);
        return new Valid(caller);
    }

    /** Counts a sign-up attempt from the address; 429 {@code TOO_MANY_SIGNUPS} beyond the hourly limit. */
    public void signUpAttempt(String address) {
        Instant now = clock.instant();
        if (!signUpsByAddress.hit(address, now)) {
            Instant until = signUpsByAddress.blockedUntil(address, now).orElse(now.plus(Duration.ofHours(1)));
            throw tooMany(ProblemCode.TOO_MANY_SIGNUPS, "signup.tooMany", until, now);
        }
    }

    /** 429 {@code LOGIN_LOCKED} for a locked account or address, with the minutes until it opens again. */
    public Problem locked(Locked locked) {
        return tooMany(ProblemCode.LOGIN_LOCKED, "login.locked", locked.until(), clock.instant());
    }

    /** Whole minutes, at least one, until the moment. */
    public long minutesUntil(Instant until) {
        return Math.max(1, (Duration.between(clock.instant(), until).getSeconds() + 59) / 60);
    }

    private Problem tooMany(ProblemCode code, String key, Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).getSeconds());
        return new Problem(429, code, key, null, new Problem.RetryAfter(seconds), (seconds + 59) / 60);
    }

    /** An admin opens a locked account before its time. */
    public void unlock(Long admin, Long accountId) {
        credentials.unlock(admin, accountId);
    }
}
