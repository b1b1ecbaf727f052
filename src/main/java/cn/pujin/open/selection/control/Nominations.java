package cn.pujin.open.selection.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.PersonalData;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.selection.entity.Nomination;
import cn.pujin.open.selection.entity.Residency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The living pool (代表库): citizens nominate themselves and residents' committees (居委) nominate residents, each with
 * what the nominee declares (adult, lives or works in the sub-district); an organiser approves — the nominee joins the
 * pool, reviewed yearly — or rejects with a reason. A member of the pool cannot be nominated again (409 ALREADY_IN_POOL).
 */
@ApplicationScoped
public class Nominations {

    public static final int STATEMENT_MIN = 10;
    public static final int STATEMENT_MAX = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pool pool;

    @Inject
    Accounts accounts;

    @Inject
    PersonalData personalData;

    @Inject
    Notifications notifications;

    @Inject
    Links links;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** {@code kind} SELF or COMMITTEE; for COMMITTEE also {@code committee} and the nominee's {@code nomineePhone}. */
    public record NominationRequest(String kind, String committee, String nomineePhone, List<Category> categories,
                                    String interests, String organisation, Boolean adultDeclared, Residency residency,
                                    String statement) {}

    public record NominationView(Long id, Nomination.Kind kind, String nominee, String nomineePhone, String nominatedBy,
                                 String committee, List<Category> categories, String interests, String organisation,
                                 Residency residency, String statement, Nomination.Status status, String decisionReason,
                                 OffsetDateTime createdAt, OffsetDateTime decidedAt) {}

    @Transactional
    public Nomination nominate(Long by, NominationRequest r) {
        if (r == null) {
            throw Problem.invalid("kind", "validation.required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Nomination.Kind kind = null;
        try {
            kind = r.kind() == null ? Nomination.Kind.SELF : Nomination.Kind.valueOf(r.kind());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("kind", "validation.enum", List.of(Nomination.Kind.values())));
        }
        Long nominee = by;
        String committee = Texts.strip(r.committee());
        if (kind == Nomination.Kind.COMMITTEE) {
            if (committee == null) {
                errors.add(new Problem.FieldError("committee", "validation.required"));
            } else if (Texts.length(committee) > 60) {
                errors.add(new Problem.FieldError("committee", "validation.size.max.n", 60));
            }
            String phone = Texts.strip(r.nomineePhone());
            nominee = phone == null ? null : accounts.findByPhoneHash(personalData.lookupHash(phone)).map(Account::getId).orElse(null);
            if (phone == null) {
                errors.add(new Problem.FieldError("nomineePhone", "validation.required"));
            } else if (nominee == null) {
                errors.add(new Problem.FieldError("nomineePhone", "pool.nomination.noAccount"));
            }
        } else {
            committee = null;
        }
        String interests = Texts.strip(r.interests());
        String organisation = Texts.strip(r.organisation());
        errors.addAll(Pool.eligibilityErrors(r.categories(), r.adultDeclared(), r.residency(), interests, organisation));
        String statement = Texts.strip(r.statement());
        if (statement == null || Texts.length(statement) < STATEMENT_MIN || Texts.length(statement) > STATEMENT_MAX) {
            errors.add(new Problem.FieldError("statement", "validation.length", STATEMENT_MIN, STATEMENT_MAX));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (pool.member(nominee) != null) {
            throw Problem.conflict(ProblemCode.ALREADY_IN_POOL, nominee.equals(by) ? "pool.alreadySelf" : "pool.already");
        }
        if (!em.createQuery("select n.id from Nomination n where n.nomineeId = :n and n.status = :p", Long.class)
                .setParameter("n", nominee).setParameter("p", Nomination.Status.PENDING).getResultList().isEmpty()) {
            throw Problem.conflict(ProblemCode.NOMINATION_PENDING,
                    nominee.equals(by) ? "pool.nomination.pendingSelf" : "pool.nomination.pending");
        }
        Nomination n = new Nomination(kind, nominee, by, committee, EnumSet.copyOf(r.categories()), interests, organisation,
                r.residency(), statement, clock.instant());
        em.persist(n);
        em.flush();
        audit.record(by, "nomination", n.getId(), "nomination.create", null, n.getStatus(), kind.name());
        if (kind == Nomination.Kind.COMMITTEE) {
            notifications.notify(nominee, null, "NOMINATED", "mail.pool.nominated", new Object[]{committee,
                    links.to("/me/representative.xhtml")}, null);
        }
        return n;
    }

    /** Approves: the nominee joins the pool (reviewed a year from today) and is told. */
    @Transactional
    public Nomination approve(Long organiser, Long id) {
        Nomination n = pending(id);
        pool.add(organiser, new Pool.MemberRequest(n.getNomineeId(), new ArrayList<>(n.categories()), n.getInterests(),
                n.getOrganisation(), n.isAdultDeclared(), n.getResidency(), null, true));
        n.decide(true, organiser, null, clock.instant());
        audit.record(organiser, "nomination", id, "nomination.approve", Nomination.Status.PENDING, n.getStatus(), null);
        notifications.notify(n.getNomineeId(), null, "POOL_JOINED", "mail.pool.joined",
                new Object[]{links.to("/me/representative.xhtml")}, null);
        return n;
    }

    @Transactional
    public Nomination reject(Long organiser, Long id, String reason) {
        String why = Texts.strip(reason);
        if (why == null || Texts.length(why) > 500) {
            throw Problem.invalid("reason", "validation.length", 1, 500);
        }
        Nomination n = pending(id);
        n.decide(false, organiser, why, clock.instant());
        audit.record(organiser, "nomination", id, "nomination.reject", Nomination.Status.PENDING, n.getStatus(), why);
        notifications.notify(n.getNominatedBy(), null, "NOMINATION_REJECTED", "mail.pool.nominationRejected",
                new Object[]{why, links.to("/me/representative.xhtml")}, null);
        return n;
    }

    private Nomination pending(Long id) {
        Nomination n = id == null ? null : em.find(Nomination.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw Problem.notFound();
        }
        if (n.getStatus() != Nomination.Status.PENDING) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "pool.nomination.decided");
        }
        return n;
    }

    public Page<Nomination> list(Nomination.Status status, Paging paging) {
        String where = status == null ? "" : " where n.status = :s";
        var select = em.createQuery("select n from Nomination n" + where + " order by n.createdAt desc, n.id desc", Nomination.class);
        var count = em.createQuery("select count(n) from Nomination n" + where, Long.class);
        if (status != null) {
            select.setParameter("s", status);
            count.setParameter("s", status);
        }
        return new Page<>(select.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList(), count.getSingleResult());
    }

    /** Nominations of the person, and those they made (for a residents' committee). */
    public List<Nomination> mine(Long accountId) {
        return em.createQuery("""
                        select n from Nomination n where n.nomineeId = :a or n.nominatedBy = :a order by n.createdAt desc, n.id desc""",
                        Nomination.class).setParameter("a", accountId).setMaxResults(100).getResultList();
    }

    /** Views; names in full only for staff ({@code staff}), masked otherwise. */
    public List<NominationView> views(List<Nomination> nominations, boolean staff) {
        Set<Long> people = nominations.stream().flatMap(n -> Stream.of(n.getNomineeId(), n.getNominatedBy())).collect(Collectors.toSet());
        Map<Long, Account> byId = accounts.byIds(people);
        return nominations.stream().map(n -> {
            Account nominee = byId.get(n.getNomineeId());
            Account by = byId.get(n.getNominatedBy());
            return new NominationView(n.getId(), n.getKind(), name(nominee, staff), nominee == null ? null : nominee.getPhoneMasked(),
                    name(by, staff), n.getCommittee(), List.copyOf(n.categories()), n.getInterests(), n.getOrganisation(),
                    n.getResidency(), n.getStatement(), n.getStatus(), n.getDecisionReason(), Times.local(n.getCreatedAt()),
                    Times.local(n.getDecidedAt()));
        }).toList();
    }

    private static String name(Account a, boolean staff) {
        if (a == null) {
            return null;
        }
        return staff ? a.getDisplayName() : Masking.name(a.getDisplayName());
    }
}
