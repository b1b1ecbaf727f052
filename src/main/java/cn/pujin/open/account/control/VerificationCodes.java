package cn.pujin.open.account.control;

import java.time.ZonedDateTime;
import java.sql.Timestamp;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.PersonalData;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time codes sent by SMS to prove a mainland mobile number: for signing up and for resetting a password. A code is
 * six digits, valid 5 minutes, voided by 5 wrong tries and by a newer code; only its HMAC is stored. Requests are limited
 * per number (one a minute for each purpose, {@code SMS_CODES_PER_NUMBER_HOUR} an hour) and per address
 * ({@code SMS_CODES_PER_ADDRESS_HOUR}), counted in the database so every instance sees the same counts: 429 with
 * Retry-After. Asking for a reset code for a number without an account answers exactly as for one with an account
 * (nothing is sent, the same row is written, the same 202 comes back at once — messages go out after the commit, apart
 * from the request).
 */
@ApplicationScoped
public class VerificationCodes {

    private static final Logger LOG = Logger.getLogger(VerificationCodes.class.getName());

    public enum Purpose { SIGN_UP, PASSWORD_RESET }

    static final Duration VALID = Duration.ofMinutes(5);
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int MAX_FAILURES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Inject
    Accounts accounts;

    @Inject
    SmsGateway sms;

    @Inject
    ClusterBus afterCommit;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "SMS_CODES_PER_NUMBER_HOUR", defaultValue = "5")
    int perNumberHour;

    @Inject
    @ConfigProperty(name = "SMS_CODES_PER_ADDRESS_HOUR", defaultValue = "10")
    int perAddressHour;

    /** Issues a code for {@code phone} and sends it after the commit (for a reset, only to a number with an account). */
    @Transactional
    public void request(String phone, Purpose purpose, String address) {
        if (phone == null || !phone.matches(Accounts.PHONE_PATTERN)) {
            throw Problem.invalid("phone", "account.phone.invalid");
        }
        if (purpose == null) {
            throw Problem.invalid("purpose", "verification.purpose.invalid");
        }
        Instant now = clock.instant();
        String phoneHash = personalData.lookupHash(phone);
        String addressHash = personalData.lookupHash("address:" + address);
        em.createNativeQuery("DELETE FROM verification_code WHERE created_at < ?1").setParameter(1, at(now.minus(Duration.ofDays(1))))
                .executeUpdate();
        limit(now, "SELECT created_at FROM verification_code WHERE phone_hash = ?1 AND created_at > ?2 AND purpose = '"
                + purpose.name() + "' ORDER BY created_at DESC", phoneHash, INTERVAL, 1);
        limit(now, "SELECT created_at FROM verification_code WHERE phone_hash = ?1 AND created_at > ?2 ORDER BY created_at DESC",
                phoneHash, Duration.ofHours(1), perNumberHour);
        limit(now, "SELECT created_at FROM verification_code WHERE address_hash = ?1 AND created_at > ?2 ORDER BY created_at DESC",
                addressHash, Duration.ofHours(1), perAddressHour);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        em.createNativeQuery("INSERT INTO verification_code (id, phone_hash, purpose, code_hash, address_hash, created_at, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, phoneHash).setParameter(3, purpose.name())
                .setParameter(4, codeHash(phone, purpose, code)).setParameter(5, addressHash).setParameter(6, at(now))
                .setParameter(7, at(now.plus(VALID))).executeUpdate();
        boolean send = purpose == Purpose.SIGN_UP || accounts.findByPhoneHash(phoneHash).filter(a -> !a.isDeleted()).isPresent();
        if (send) {
            String text = Messages.get(Messages.CHINESE, "verification.sms." + purpose.name(), code, VALID.toMinutes());
            afterCommit.afterCommit(() -> executor.execute(() -> {
                try {
                    sms.send(phone, text);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "verification code not sent", e);
                }
            }));
        }
    }

    /**
     * Uses the newest code of {@code phone} for {@code purpose}: invalid when there is none, it was used, voided or does
     * not match (one more failure: the fifth voids it), expired after 5 minutes.
     */
    Outcome use(String phone, Purpose purpose, String code) {
        Instant now = clock.instant();
        String phoneHash = personalData.lookupHash(phone == null ? "" : phone);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, code_hash, expires_at, failed_attempts, used_at FROM verification_code "
                        + "WHERE phone_hash = ?1 AND purpose = ?2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE")
                .setParameter(1, phoneHash).setParameter(2, purpose.name()).getResultList();
        if (rows.isEmpty() || code == null) {
            return Outcome.INVALID;
        }
        Object[] row = rows.get(0);
        int failures = ((Number) row[3]).intValue();
        if (row[4] != null || failures >= MAX_FAILURES) {
            return Outcome.INVALID;
        }
        if (!codeHash(phone, purpose, code.strip()).equals(row[1])) {
            em.createNativeQuery("UPDATE verification_code SET failed_attempts = failed_attempts + 1 WHERE id = ?1")
                    .setParameter(1, row[0]).executeUpdate();
            return Outcome.INVALID;
        }
        if (!instant(row[2]).isAfter(now)) {
            return Outcome.EXPIRED;
        }
        em.createNativeQuery("UPDATE verification_code SET used_at = ?2 WHERE id = ?1").setParameter(1, row[0])
                .setParameter(2, at(now)).executeUpdate();
        return Outcome.VALID;
    }

    public enum Outcome { VALID, INVALID, EXPIRED }

    /**
     * {@link #use} that throws the 400 a person sees under the code field unless the code was valid. Its own transaction,
     * committed even when it throws: a wrong try counts although the caller's request fails.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = Problem.class)
    public void require(String phone, Purpose purpose, String code) {
        switch (use(phone, purpose, code)) {
            case VALID -> { }
            case EXPIRED -> throw new Problem(400, ProblemCode.CODE_EXPIRED, "verification.code.expired",
                    List.of(new Problem.FieldError("code", "verification.code.expired")), null);
            case INVALID -> throw new Problem(400, ProblemCode.CODE_INVALID, "verification.code.invalid",
                    List.of(new Problem.FieldError("code", "verification.code.invalid")), null);
        }
    }

    private String codeHash(String phone, Purpose purpose, String code) {
        return personalData.lookupHash("code:" + purpose + ":" + phone + ":" + code);
    }

    /** 429 with Retry-After when {@code max} requests were made within {@code window}. */
    private void limit(Instant now, String sql, String hash, Duration window, int max) {
        @SuppressWarnings("unchecked")
        List<Object> times = em.createNativeQuery(sql).setParameter(1, hash).setParameter(2, at(now.minus(window))).getResultList();
        if (times.size() >= max) {
            Instant oldestCounted = instant(times.get(max - 1));
            long seconds = Math.max(1, Duration.between(now, oldestCounted.plus(window)).toSeconds() + 1);
            throw new Problem(429, ProblemCode.TOO_MANY_CODES, "verification.code.tooMany", null, new Problem.RetryAfter(seconds),
                    seconds);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
