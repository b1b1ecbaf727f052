package cn.pujin.open.registration.control;

import cn.pujin.open.account.control.AccountDeleted;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.entity.Registration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person's registrations in their data export, and what happens to them when the account is deleted. */
@ApplicationScoped
public class RegistrationData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Waitlist waitlist;

    @Inject
    Seats seats;

    @Inject
    Clock clock;

    @Override
    public String section() {
        return "registrations";
    }

    @Override
    public Object export(Long accountId) {
        return mine(accountId).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", Registration.number(r.getId()));
            m.put("event", title(r.getEventId()));
            m.put("status", r.getStatus().name());
            m.put("category", r.getCategory() == null ? null : r.getCategory().name());
            m.put("organisation", r.getOrganisation());
            m.put("statement", r.getStatement());
            m.put("createdAt", Times.local(r.getCreatedAt()));
            m.put("consentVersion", r.getConsentVersion());
            return m;
        }).toList();
    }

    /**
     * Early in the deletion: places at events still to come are cancelled, which frees the seat for
     * the waitlist; what the person wrote in applications is removed from every registration.
     */
    void accountDeleted(@Observes @Priority(100) AccountDeleted d) {
        for (Registration r : mine(d.accountId())) {
            if (r.getStatus().isActive() && starts(r.getEventId()).isAfter(clock.instant())) {
                waitlist.cancel(d.accountId(), r.getId(), false, null);
            }
        }
        em.createQuery("update Registration r set r.statement = null, r.organisation = null where r.accountId = :a")
                .setParameter("a", d.accountId()).executeUpdate();
    }

    private List<Registration> mine(Long accountId) {
        return em.createQuery("select r from Registration r where r.accountId = :a order by r.createdAt", Registration.class)
                .setParameter("a", accountId).getResultList();
    }

    private Instant starts(Long eventId) {
        try {
            return seats.bookable(eventId).startsAt();
        } catch (Problem unpublished) {
            return Instant.MAX;
        }
    }

    private String title(Long eventId) {
        try {
            return seats.bookable(eventId).title();
        } catch (Problem unpublished) {
            return "#" + eventId;
        }
    }
}
