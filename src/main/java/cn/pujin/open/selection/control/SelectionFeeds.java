package cn.pujin.open.selection.control;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.control.AtomFeed;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.selection.entity.Selection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Published 公示 where people look: the open objection periods (home, /open/) and the Atom feed. */
@ApplicationScoped
public class SelectionFeeds {

    static final int ENTRIES = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Links links;

    /** A published 公示 of a public meeting: its title, when it was (re-)published and until when it takes objections. */
    public record Notice(Long eventId, String title, OffsetDateTime startsAt, OffsetDateTime publishedAt,
                         LocalDate objectionsLastDay, int revision, OffsetDateTime republishedAt) {}

    /** The 公示 whose objection period is running, the soonest to close first. */
    public List<Notice> open(int limit) {
        return notices(em.createQuery("""
                        select s from Selection s where s.published = true and s.objectionsCloseAt > :now
                        order by s.objectionsCloseAt, s.eventId""", Selection.class)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList());
    }

    public List<AtomFeed.Entry> entries() {
        String category = Messages.get(Messages.CHINESE, "selection.public.title");
        List<AtomFeed.Entry> entries = new ArrayList<>();
        // newest (or newest re-published) first: a 公示 changed today is news even if it was first published long ago
        List<Selection> latest = em.createQuery("""
                        select s from Selection s where s.published = true
                        order by coalesce(s.republishedAt, s.publishedAt) desc, s.eventId""", Selection.class)
                .setMaxResults(ENTRIES).getResultList();
        for (Notice n : notices(latest)) {
            String link = links.to("/events/selection.xhtml?id=" + n.eventId());
            OffsetDateTime updated = n.republishedAt() != null ? n.republishedAt() : n.publishedAt();
            String title = Messages.get(Messages.CHINESE, n.revision() > 0 ? "selection.feed.revised" : "selection.feed.title",
                    n.title(), n.revision());
            entries.add(new AtomFeed.Entry(link + "#r" + n.revision(), title, link, updated,
                    Messages.get(Messages.CHINESE, "selection.feed.summary", String.valueOf(n.objectionsLastDay())),
                    category));
        }
        return entries;
    }

    public String atom() {
        return AtomFeed.write(new AtomFeed.Head(links.to("/api/v1/selections/feed.atom"),
                Messages.get(Messages.CHINESE, "app.name") + " · " + Messages.get(Messages.CHINESE, "selection.public.title"),
                links.to("/api/v1/selections/feed.atom"), links.to("/open/"), Messages.get(Messages.CHINESE, "app.footer")),
                entries());
    }

    private List<Notice> notices(List<Selection> selections) {
        List<Notice> notices = new ArrayList<>();
        for (Selection s : selections) {
            Optional<EventView> event = publicEvents.published(s.getEventId());
            event.ifPresent(e -> notices.add(new Notice(e.id(), e.title(), e.startsAt(), Times.local(s.getPublishedAt()),
                    s.objectionsLastDay(Clocks.ZONE), s.getRevision(), Times.local(s.getRepublishedAt()))));
        }
        return notices;
    }
}
