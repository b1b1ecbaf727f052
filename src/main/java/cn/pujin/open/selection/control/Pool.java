package cn.pujin.open.selection.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.selection.entity.Invitation;
import cn.pujin.open.selection.entity.Representative;
import cn.pujin.open.selection.entity.Residency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The representative pool (代表库): members with declared eligibility and a yearly review, invitations to
 * meetings, and their acceptance as applications.
 */
@ApplicationScoped
public class Pool {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Seats seats;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /** CDI event: a member was invited (the notification feature tells them). */
    public record MemberRequest(Long accountId, List<Category> categories, String interests, String organisation,
                                Boolean adultDeclared, Residency residency, LocalDate reviewDueOn, Boolean active) {}

    public record MemberView(Long id, Long accountId, String name, String phone, List<Category> categories,
                             String interests, String organisation, boolean adultDeclared, Residency residency,
                             LocalDate reviewDueOn, boolean active, boolean eligible, long meetingsAttended) {}

    public record InvitationView(Long id, Long eventId, String eventTitle, OffsetDateTime eventStartsAt,
                                 Invitation.Status status, Long registrationId, OffsetDateTime invitedAt) {}

    public record InviteOutcome(Long representativeId, boolean invited, String code) {}

    @Transactional
    public Representative add(Long organiser, MemberRequest request) {
        if (request == null || request.accountId() == null) {
            throw Problem.invalid("accountId", "validation.required");
        }
        Account account = accounts.find(request.accountId())
                .orElseThrow(() -> Problem.invalid("accountId", "validation.unknownReference"));
        if (member(account.getId()) != null) {
            throw Problem.conflict(ProblemCode.ALREADY_IN_POOL, "pool.already");
        }
        Representative member = new Representative(account.getId(), clock.instant());
        apply(member, request);
        try {
            em.persist(member);
            em.flush();
        } catch (PersistenceException race) {
            throw Problem.conflict(ProblemCode.ALREADY_IN_POOL, "pool.already");
        }
        Set<Role> roles = account.roles();
        roles.add(Role.REPRESENTATIVE);
        accounts.grant(organiser, account.getId(), roles);
        audit.record(organiser, "representative", member.getId(), "pool.add", null, "ACTIVE", null);
        return member;
    }

    @Transactional
    public Representative update(Long organiser, Long id, MemberRequest request) {
        Representative member = find(id);
        if (request == null) {
            throw Problem.invalid("body", "validation.body");
        }
        apply(member, request);
        audit.record(organiser, "representative", id, "pool.update", null, member.isActive() ? "ACTIVE" : "INACTIVE", null);
        return member;
    }

    private void apply(Representative member, MemberRequest r) {
        List<Problem.FieldError> errors = eligibilityErrors(r.categories(), r.adultDeclared(), r.residency(), r.interests(),
                r.organisation());
        LocalDate today = LocalDate.now(clock);
        if (r.reviewDueOn() != null && (r.reviewDueOn().isBefore(today) || r.reviewDueOn().isAfter(today.plusYears(2)))) {
            errors.add(new Problem.FieldError("reviewDueOn", "pool.reviewDue"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        member.update(EnumSet.copyOf(r.categories()), Texts.strip(r.interests()), Texts.strip(r.organisation()), true,
                r.residency(), r.reviewDueOn() == null ? today.plusYears(1) : r.reviewDueOn(),
                r.active() == null || r.active());
    }

    /**
     * What a member (or a nominee) must declare: at least one category, adult, lives or works here; interests up to 500
     * characters, the organisation up to 120 and required for an enterprise representative.
     */
    static List<Problem.FieldError> eligibilityErrors(List<Category> categories, Boolean adultDeclared, Residency residency,
                                                      String interests, String organisation) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (categories == null || categories.isEmpty() || categories.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new Problem.FieldError("categories", "validation.required"));
        }
        if (!Boolean.TRUE.equals(adultDeclared)) {
            errors.add(new Problem.FieldError("adultDeclared", "pool.adult"));
        }
        if (residency == null) {
            errors.add(new Problem.FieldError("residency", "validation.required"));
        }
        if (interests != null && Texts.length(interests) > 500) {
            errors.add(new Problem.FieldError("interests", "validation.size.max.n", 500));
        }
        if (organisation != null && Texts.length(organisation) > 120) {
            errors.add(new Problem.FieldError("organisation", "validation.size.max.n", 120));
        }
        if (categories != null && categories.contains(Category.ENTERPRISE) && (organisation == null || organisation.isBlank())) {
            errors.add(new Problem.FieldError("organisation", "registration.organisation.required"));
        }
        return errors;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Representative find(Long id) {
        Representative member = id == null ? null : em.find(Representative.class, id);
        if (member == null) {
            throw Problem.notFound();
        }
        return member;
    }

    public Representative member(Long accountId) {
        return em.createQuery("select r from Representative r where r.accountId = :a", Representative.class)
                .setParameter("a", accountId).getResultStream().findFirst().orElse(null);
    }

    public Page<MemberView> list(String text, Paging paging) {
        String q = text == null ? "" : text.strip();
        List<Long> people = q.isEmpty() ? null : accounts.idsMatching(q);
        String where = people == null ? "" : " where r.accountId in :people";
        var select = em.createQuery("select r from Representative r" + where + " order by r.createdAt desc, r.id desc",
                Representative.class);
        var count = em.createQuery("select count(r) from Representative r" + where, Long.class);
        if (people != null) {
            List<Long> ids = people.isEmpty() ? List.of(-1L) : people;
            select.setParameter("people", ids);
            count.setParameter("people", ids);
        }
        List<Representative> members = select.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList();
        Map<Long, Account> byAccount = accounts.byIds(members.stream().map(Representative::getAccountId).collect(Collectors.toSet()));
        LocalDate today = LocalDate.now(clock);
        List<MemberView> views = members.stream().map(m -> {
            Account a = byAccount.get(m.getAccountId());
            return new MemberView(m.getId(), m.getAccountId(), a == null ? null : a.getDisplayName(),
                    a == null ? null : a.getPhoneMasked(), m.categories().stream().toList(), m.getInterests(),
                    m.getOrganisation(), m.isAdultDeclared(), m.getResidency(), m.getReviewDueOn(), m.isActive(),
                    m.isEligible(today), registrationQueries.meetingsAttended(m.getAccountId()));
        }).toList();
        return new Page<>(views, count.getSingleResult());
    }

    // ---- invitations ----

    @Transactional
    public List<InviteOutcome> invite(Long organiser, Long eventId, List<Long> representativeIds) {
        Seats.Bookable event = seats.bookable(eventId);
        if (!event.isMeeting()) {
            throw Problem.conflict(ProblemCode.NOT_A_MEETING, "selection.notMeeting");
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        if (representativeIds == null || representativeIds.isEmpty() || representativeIds.contains(null)) {
            throw Problem.invalid("representativeIds", "validation.required");
        }
        LocalDate today = LocalDate.now(clock);
        List<InviteOutcome> outcomes = new ArrayList<>();
        for (Long id : representativeIds.stream().distinct().toList()) {
            Representative member = em.find(Representative.class, id);
            if (member == null) {
                outcomes.add(new InviteOutcome(id, false, "NOT_FOUND"));
            } else if (!member.isEligible(today)) {
                outcomes.add(new InviteOutcome(id, false, "NOT_ELIGIBLE"));
            } else if (!em.createQuery("select i from Invitation i where i.eventId = :e and i.representativeId = :r", Invitation.class)
                    .setParameter("e", eventId).setParameter("r", id).getResultList().isEmpty()) {
                outcomes.add(new InviteOutcome(id, false, "ALREADY_INVITED"));
            } else {
                Invitation invitation = new Invitation(eventId, id, organiser, clock.instant());
                em.persist(invitation);
                em.flush();
                audit.record(organiser, "invitation", invitation.getId(), "invitation.create", null, "INVITED", null);
                notifications.invited(eventId, member.getAccountId());
                outcomes.add(new InviteOutcome(id, true, null));
            }
        }
        return outcomes;
    }

    public List<InvitationView> mine(Long accountId) {
        Representative member = member(accountId);
        if (member == null) {
            return List.of();
        }
        return em.createQuery("select i from Invitation i where i.representativeId = :r order by i.invitedAt desc", Invitation.class)
                .setParameter("r", member.getId()).getResultStream().map(this::view).toList();
    }

    private InvitationView view(Invitation i) {
        Seats.Bookable event = seats.bookable(i.getEventId());
        return new InvitationView(i.getId(), i.getEventId(), event.title(), Times.local(event.startsAt()), i.getStatus(),
                i.getRegistrationId(), Times.local(i.getInvitedAt()));
    }

    @Transactional
    public InvitationView accept(Long accountId, Long invitationId, String statement) {
        Invitation invitation = own(accountId, invitationId);
        Representative member = find(invitation.getRepresentativeId());
        Seats.Bookable event = seats.bookable(invitation.getEventId());
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        if (clock.instant().isAfter(event.registrationClosesAt())) {
            throw Problem.conflict(ProblemCode.REGISTRATION_CLOSED, "registration.closed");
        }
        if (statement != null && statement.length() > Registrations.STATEMENT_MAX) {
            throw Problem.invalid("statement", "validation.size.max.n", Registrations.STATEMENT_MAX);
        }
        String text = statement == null || statement.isBlank()
                ? member.getInterests() == null ? Messages.get(Messages.CHINESE, "pool.invitation.defaultStatement") : member.getInterests() : statement.strip();
        Registration application = registrations.applyFromInvitation(accountId, invitation.getEventId(),
                member.primaryCategory(), member.getOrganisation(), text);
        invitation.accept(application.getId(), clock.instant());
        audit.record(accountId, "invitation", invitationId, "invitation.accept", "INVITED", "ACCEPTED", null);
        return view(invitation);
    }

    @Transactional
    public InvitationView decline(Long accountId, Long invitationId) {
        Invitation invitation = own(accountId, invitationId);
        invitation.decline(clock.instant());
        audit.record(accountId, "invitation", invitationId, "invitation.decline", "INVITED", "DECLINED", null);
        return view(invitation);
    }

    private Invitation own(Long accountId, Long invitationId) {
        Invitation invitation = invitationId == null ? null : em.find(Invitation.class, invitationId);
        Representative member = member(accountId);
        if (invitation == null || member == null || !invitation.getRepresentativeId().equals(member.getId())) {
            throw Problem.notFound();
        }
        return invitation;
    }

}
