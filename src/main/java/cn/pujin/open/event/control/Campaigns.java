package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Campaigns (专题) such as the August open month: found by name, created by the first event that names a new one. */
@ApplicationScoped
public class Campaigns {

    @PersistenceContext
    EntityManager em;

    public Optional<Campaign> named(String name) {
        return em.createQuery("select c from Campaign c where c.name = :n", Campaign.class)
                .setParameter("n", name.strip()).getResultStream().findFirst();
    }

    public List<Campaign> all() {
        return em.createQuery("select c from Campaign c order by c.startsOn desc", Campaign.class).getResultList();
    }

    /** The campaign to show on the home page: the one running or next to come, else the latest. */
    public Optional<Campaign> featured(LocalDate today) {
        List<Campaign> all = all();
        return all.stream().filter(c -> !c.getEndsOn().isBefore(today))
                .min((a, b) -> a.getStartsOn().compareTo(b.getStartsOn()))
                .or(() -> all.stream().findFirst());
    }

    Campaign campaignFor(String name, Instant startsAt) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return named(name).orElseGet(() -> {
            YearMonth month = YearMonth.from(Times.day(startsAt));
            Campaign created = new Campaign(name.strip(), month.atDay(1), month.atEndOfMonth());
            em.persist(created);
            return created;
        });
    }
}
