package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.PersonalData;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What protects an account's sign-in: failed sign-ins and the lock they lead to, the session epoch that ends sessions,
 * and changing the password.
 */
@ApplicationScoped
public class Credentials {

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Accounts accounts;

    @Inject
    PersonalData personalData;

    @Inject
    CredentialCache credentialCache;

    @Inject
    Passwords passwords;

    @Inject
    VerificationCodes codes;

    @Inject
    Clock clock;

    /**
     * One more failed sign-in of the account from {@code address}. Failures older than the lock period are forgotten;
     * the failure that brings the account to {@code maxFailures} within it, from at least {@code addresses} different
     * addresses, locks it for the lock period and ends its sessions (one address alone is only refused for this account,
     * by {@link LoginGuard}, so it cannot lock the owner out).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failedSignIn(Long accountId, String address, Instant now, Duration period,
                             int maxFailures, int addresses) {
        // the row lock orders the failures of one account across instances: exactly one of them sets the lock
        em.createNativeQuery("SELECT id FROM account WHERE id = ?1 FOR UPDATE").setParameter(1, accountId).getSingleResult();
        var since = now.minus(period).atOffset(ZoneOffset.UTC);
        em.createNativeQuery("DELETE FROM login_failure WHERE account_id = ?1 AND failed_at < ?2")
                .setParameter(1, accountId).setParameter(2, since).executeUpdate();
        em.createNativeQuery("INSERT INTO login_failure (account_id, address_hash, failed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, accountId).setParameter(2, personalData.lookupHash("address:" + address))
                .setParameter(3, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        Object[] counts = (Object[]) em.createNativeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT address_hash) FROM login_failure WHERE account_id = ?1")
                .setParameter(1, accountId).getSingleResult();
        long failures = ((Number) counts[0]).longValue();
        long distinct = ((Number) counts[1]).longValue();
        if (failures >= maxFailures && distinct >= addresses) {
            var until = now.plus(period);
            em.createNativeQuery("UPDATE account SET locked_until = ?2, session_epoch = session_epoch + 1 WHERE id = ?1")
                    .setParameter(1, accountId).setParameter(2, until.atOffset(ZoneOffset.UTC)).executeUpdate();
            em.createNativeQuery("DELETE FROM login_failure WHERE account_id = ?1").setParameter(1, accountId).executeUpdate();
            credentialCache.forget(accountId);
            audit.record(null, "account", accountId, "account.locked", null, "LOCKED",
                    failures + " failed sign-ins from " + distinct + " addresses; locked until " + until);
        }
    }

    /**
     * Ends every session of the account, on every instance, at its next request (they remember an older epoch), and
     * forgets its cached credentials; returns the new epoch.
     */
    public int endSessions(Long accountId) {
        em.createNativeQuery("UPDATE account SET session_epoch = session_epoch + 1 WHERE id = ?1")
                .setParameter(1, accountId).executeUpdate();
        credentialCache.forget(accountId);
        return ((Number) em.createNativeQuery("SELECT session_epoch FROM account WHERE id = ?1")
                .setParameter(1, accountId).getSingleResult()).intValue();
    }

    /**
     * A signed-in person changes their password: the current one is required, the new one must pass {@link Passwords}.
     * Every other session of the account ends; the caller keeps its own with the returned epoch.
     */
    @Transactional
    public int changePassword(Long accountId, String current, String replacement) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.isDeleted()) {
            throw Problem.notFound();
        }
        if (current == null || current.isEmpty()) {
            throw Problem.invalid("currentPassword", "validation.required");
        }
        if (accounts.verify(Optional.of(account), current).isEmpty()) {
            throw Problem.invalid("currentPassword", "account.password.current");
        }
        if (current.equals(replacement)) {
            throw Problem.invalid("password", "account.password.unchanged");
        }
        passwords.check(replacement, account.getPhoneCipher() == null ? null : personalData.decrypt(account.getPhoneCipher()));
        account.password(accounts.hashPassword(replacement));
        em.flush();
        audit.record(accountId, "account", accountId, "account.password", null, null, null);
        return endSessions(accountId);
    }

    /**
     * A new password with a code sent to the account's phone (忘记密码): every session ends, a lock from failed sign-ins is
     * lifted. A number without an account fails exactly as a wrong code does.
     */
    @Transactional
    public void resetPassword(String phone, String code, String replacement) {
        if (replacement == null || replacement.length() < 8 || replacement.length() > 128) {
            throw Problem.invalid("password", "account.password.size");
        }
        codes.require(phone, VerificationCodes.Purpose.PASSWORD_RESET, code);
        Account account = accounts.findByPhoneHash(personalData.lookupHash(phone)).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new Problem(400, ProblemCode.CODE_INVALID, "verification.code.invalid",
                        List.of(new Problem.FieldError("code", "verification.code.invalid")), null));
        account = em.find(Account.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
        passwords.check(replacement, phone);
        account.password(accounts.hashPassword(replacement));
        account.phoneVerified(account.getPhoneVerifiedAt() != null ? account.getPhoneVerifiedAt() : clock.instant());
        em.flush();
        em.createNativeQuery("DELETE FROM login_failure WHERE account_id = ?1").setParameter(1, account.getId()).executeUpdate();
        em.createNativeQuery("UPDATE account SET locked_until = NULL WHERE id = ?1").setParameter(1, account.getId()).executeUpdate();
        audit.record(account.getId(), "account", account.getId(), "account.passwordReset", null, null,
                Messages.get(Messages.CHINESE, "audit.note.resetByCode"));
        endSessions(account.getId());
    }

    /** An admin opens a locked account before its time. */
    @Transactional
    public void unlock(Long admin, Long accountId) {
        em.createNativeQuery("DELETE FROM login_failure WHERE account_id = ?1").setParameter(1, accountId).executeUpdate();
        int changed = em.createNativeQuery("UPDATE account SET locked_until = NULL WHERE id = ?1 AND locked_until IS NOT NULL")
                .setParameter(1, accountId).executeUpdate();
        if (changed > 0) {
            audit.record(admin, "account", accountId, "account.unlocked", "LOCKED", "ACTIVE", null);
        }
    }
}
