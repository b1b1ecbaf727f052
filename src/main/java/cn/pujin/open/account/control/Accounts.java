package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.PersonalData;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-up, look-up by phone or user name, password checks and role grants. */
@ApplicationScoped
public class Accounts {

    public static final String PHONE_PATTERN = "1[3-9]\\d{9}";
    public static final String EMAIL_PATTERN = "[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,100}\\.[A-Za-z]{2,24}";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    PersonalData personalData;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    CredentialCache credentialCache;

    @Inject
    Passwords passwords;

    @Inject
    Credentials credentials;

    @Inject
    VerificationCodes codes;

    @Inject
    @ConfigProperty(name = "PRIVACY_NOTICE_VERSION")
    String privacyNoticeVersion;

    @Inject
    @ConfigProperty(name = "PASSWORD_ITERATIONS")
    int passwordIterations;

    @PostConstruct
    void init() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(passwordIterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Transactional
    public Account signUp(@Valid SignUp request) {
        passwords.check(request.password(), request.phone());
        String hash = personalData.lookupHash(request.phone());
        Optional<Account> existing = findByPhoneHash(hash);
        if (existing.isPresent() && !existing.get().isRecordedByStaff() && existing.get().getPhoneVerifiedAt() != null) {
            throw Problem.conflict(ProblemCode.PHONE_TAKEN, "account.phone.taken");
        }
        // the code proves the number is this person's: only now may a staff record or an unverified holder give way
        codes.require(request.phone(), VerificationCodes.Purpose.SIGN_UP, request.code());
        if (existing.isPresent() && existing.get().isRecordedByStaff()) {
            Account recorded = takeOver(existing.get(), request);
            recorded.phoneVerified(clock.instant());
            return recorded;
        }
        if (existing.isPresent()) {
            Account holder = existing.get();
            holder.releasePhone();
            em.flush();
            credentials.endSessions(holder.getId());
            audit.record(null, "account", holder.getId(), "account.phoneReleased", "UNVERIFIED", "RELEASED",
                    Messages.get(Messages.CHINESE, "audit.note.phoneReleased"));
        }
        Account account = new Account(null, request.displayName().strip(), hashPassword(request.password()), clock.instant());
        account.phone(personalData.encrypt(request.phone()), hash, Masking.phone(request.phone()));
        account.consent(clock.instant(), privacyNoticeVersion);
        account.phoneVerified(clock.instant());
        if (request.email() != null && !request.email().isBlank()) {
            account.email(personalData.encrypt(request.email().strip()));
        }
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException raceOnSamePhone) {
            throw Problem.conflict(ProblemCode.PHONE_TAKEN, "account.phone.taken");
        }
        audit.record(account.getId(), "account", account.getId(), "account.signUp", null, "ACTIVE",
                Messages.get(Messages.CHINESE, "audit.note.privacyNotice", privacyNoticeVersion));
        return account;
    }

    /** Signing up with a phone staff recorded (代为报名): the registrations made for the person become theirs. */
    private Account takeOver(Account recorded, SignUp request) {
        Long staff = recorded.getRecordedBy();
        recorded.takeOver(request.displayName().strip(), hashPassword(request.password()));
        recorded.consent(clock.instant(), privacyNoticeVersion);
        if (request.email() != null && !request.email().isBlank()) {
            recorded.email(personalData.encrypt(request.email().strip()));
        }
        audit.record(recorded.getId(), "account", recorded.getId(), "account.signUp", "RECORDED", "ACTIVE",
                Messages.get(Messages.CHINESE, "audit.note.takeOver", String.valueOf(staff), privacyNoticeVersion));
        return recorded;
    }

    /**
     * A resident registered by staff (代为报名, 现场登记): their account when they have one, else an account row with the
     * name and phone staff took down (consent given on paper) that no password opens.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account recordedPerson(Long staffId, String displayName, String phone) {
        String hash = personalData.lookupHash(phone);
        Optional<Account> existing = findByPhoneHash(hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        Account account = new Account(null, displayName.strip(), Account.NO_PASSWORD, clock.instant());
        account.phone(personalData.encrypt(phone), hash, Masking.phone(phone));
        account.consent(clock.instant(), privacyNoticeVersion + " (paper)");
        account.recordedBy(staffId);
        em.persist(account);
        em.flush();
        audit.record(staffId, "account", account.getId(), "account.record", null, "RECORDED",
                Messages.get(Messages.CHINESE, "audit.note.consentOnPaper"));
        return account;
    }

    /** Staff accounts and demo users: a user name, optionally a phone, the given roles. */
    @Transactional
    public Account createStaff(String username, String displayName, String phone, String email, String password,
                               Set<Role> roles, Long departmentId) {
        Account account = new Account(username.toLowerCase(), displayName, hashPassword(password), clock.instant());
        if (phone != null) {
            account.phone(personalData.encrypt(phone), personalData.lookupHash(phone), Masking.phone(phone));
        }
        if (email != null) {
            account.email(personalData.encrypt(email));
        }
        account.consent(clock.instant(), privacyNoticeVersion);
        account.roles(roles);
        account.department(departmentId);
        em.persist(account);
        em.flush();
        audit.record(null, "account", account.getId(), "account.create", null, "ACTIVE", String.valueOf(roles));
        return account;
    }

    public String hashPassword(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    /** The account a login name and password belong to, or empty. Login is a phone number or user name. */
    public Optional<Account> authenticate(String login, String password) {
        return verify(findForLogin(login), password);
    }

    /** When the account is locked after failed sign-ins: the moment it opens again. */
    public Optional<Instant> lockedUntil(Account account) {
        return Optional.ofNullable(account.getLockedUntil()).filter(until -> clock.instant().isBefore(until));
    }

    /** The account a sign-in names, if the login is plausible and exists. */
    public Optional<Account> findForLogin(String login) {
        if (login == null || login.isBlank() || login.length() > 64) {
            return Optional.empty();
        }
        return findByLogin(login.strip());
    }

    /** The account if the password is its own. */
    public Optional<Account> verify(Optional<Account> account, String password) {
        if (password == null || password.length() > 128) {
            return Optional.empty();
        }
        // verify even when nobody has this login, so timing does not tell which logins exist
        String stored = account.map(Account::getPasswordHash).filter(h -> !h.startsWith("!")).orElse(dummyHash());
        boolean valid = passwordHash.verify(password.toCharArray(), stored)
                && account.map(a -> !a.getPasswordHash().startsWith("!")).orElse(false);
        return valid ? account : Optional.empty();
    }

    private volatile String dummyHash;

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hashPassword("not-a-password-of-anyone");
        }
        return dummyHash;
    }

    @Inject
    Event<AccountDeleted> deleted;

    /**
     * A citizen deletes their own account after confirming their password. Under the account's row lock the
     * features clean up first (observers of {@link AccountDeleted}), then the personal fields are cleared; a
     * second request racing the first finds it deleted and gets the same answer. Staff accounts are removed by
     * an admin, not here (403).
     */
    @Transactional
    public Account delete(Long accountId, String password) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw Problem.notFound();
        }
        if (account.isDeleted()) {
            return account;
        }
        if (account.roles().stream().anyMatch(r -> r != Role.CITIZEN && r != Role.REPRESENTATIVE)) {
            throw Problem.forbidden(ProblemCode.STAFF_ACCOUNT, "account.delete.staff");
        }
        if (password == null || password.length() > 128 || !passwordHash.verify(password.toCharArray(), account.getPasswordHash())) {
            throw Problem.invalid("password", "account.delete.password");
        }
        deleted.fire(new AccountDeleted(accountId));
        account.anonymise(clock.instant());
        em.flush();
        credentials.endSessions(accountId);
        audit.record(accountId, "account", accountId, "account.delete", "ACTIVE", "DELETED", null);
        return account;
    }

    public Optional<Account> findByLogin(String login) {
        if (login.matches(PHONE_PATTERN)) {
            return findByPhoneHash(personalData.lookupHash(login));
        }
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", login.toLowerCase()).getResultStream().findFirst();
    }

    public Optional<Account> findByPhoneHash(String hash) {
        return em.createQuery("select a from Account a where a.phoneHash = :h", Account.class)
                .setParameter("h", hash).getResultStream().findFirst();
    }

    public Optional<Account> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Account.class, id));
    }

    public Account get(Long id) {
        return find(id).orElseThrow(Problem::notFound);
    }

    /** The full phone number, for the owner and for organisers who must call. */
    public String phoneOf(Account account) {
        return personalData.decrypt(account.getPhoneCipher());
    }

    @Transactional
    public Account grant(Long adminId, Long accountId, Set<Role> roles) {
        Account account = get(accountId);
        Set<Role> before = account.roles();
        account.roles(roles);
        audit.record(adminId, "account", accountId, "account.roles", before, roles, null);
        credentialCache.forget(accountId);
        return account;
    }

    @Transactional
    public Account assignDepartment(Long adminId, Long accountId, Long departmentId) {
        Account account = get(accountId);
        if (departmentId != null && em.find(Department.class, departmentId) == null) {
            throw Problem.invalid("departmentId", "validation.unknownReference");
        }
        Long before = account.getDepartmentId();
        account.department(departmentId);
        audit.record(adminId, "account", accountId, "account.department", before, departmentId, null);
        return account;
    }

    public List<Account> search(String query, int first, int max) {
        return em.createQuery("""
                        select a from Account a
                        where a.deletedAt is null and (:q = '' or lower(a.displayName) like :like or a.username like :like or a.phoneMasked like :like)
                        order by a.id""", Account.class)
                .setParameter("q", query == null ? "" : query)
                .setParameter("like", "%" + (query == null ? "" : query.toLowerCase()) + "%")
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(String query) {
        return em.createQuery("""
                        select count(a) from Account a
                        where a.deletedAt is null and (:q = '' or lower(a.displayName) like :like or a.username like :like or a.phoneMasked like :like)""",
                        Long.class)
                .setParameter("q", query == null ? "" : query)
                .setParameter("like", "%" + (query == null ? "" : query.toLowerCase()) + "%")
                .getSingleResult();
    }

    /** Accounts by id in one query (list pages). */
    public Map<Long, Account> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from Account a where a.id in :ids", Account.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Account::getId, a -> a));
    }

    /**
     * Who a steward or organiser means by a search text: a full phone number, the last four digits of one,
     * or part of a name.
     */
    public List<Long> idsMatching(String text) {
        String t = text.strip();
        if (t.matches(PHONE_PATTERN)) {
            return findByPhoneHash(personalData.lookupHash(t)).map(a -> List.of(a.getId())).orElse(List.of());
        }
        if (t.matches("\\d{4}")) {
            return em.createQuery("select a.id from Account a where a.phoneMasked like :tail", Long.class)
                    .setParameter("tail", "%" + t).setMaxResults(500).getResultList();
        }
        return em.createQuery("select a.id from Account a where lower(a.displayName) like :n", Long.class)
                .setParameter("n", "%" + t.toLowerCase() + "%").setMaxResults(500).getResultList();
    }

    public Optional<String> emailOf(Account account) {
        return Optional.ofNullable(personalData.decrypt(account.getEmailCipher()));
    }

    @Transactional
    public Account changeEmail(Long accountId, String email) {
        Account account = get(accountId);
        String value = email == null || email.isBlank() ? null : email.strip();
        if (value != null && (value.length() > 120 || !value.matches(EMAIL_PATTERN))) {
            throw Problem.invalid("email", "account.email.invalid");
        }
        account.email(personalData.encrypt(value));
        audit.record(accountId, "account", accountId, "account.email", null, null, null);
        return account;
    }

    /** The secret of the personal calendar feed: created on first use, replaced on reset. */
    @Transactional
    public String calendarToken(Long accountId, boolean reset) {
        Account account = get(accountId);
        if (account.getCalendarTokenCipher() != null && !reset) {
            return personalData.decrypt(account.getCalendarTokenCipher());
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        account.calendarToken(personalData.encrypt(token), personalData.lookupHash(token));
        if (reset) {
            audit.record(accountId, "account", accountId, "account.calendarToken", null, null, null);
        }
        return token;
    }

    public Optional<Account> byCalendarToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.calendarTokenHash = :h", Account.class)
                .setParameter("h", personalData.lookupHash(token)).getResultStream().findFirst();
    }

    public boolean any() {
        return !em.createQuery("select a.id from Account a", Long.class).setMaxResults(1).getResultList().isEmpty();
    }
}
