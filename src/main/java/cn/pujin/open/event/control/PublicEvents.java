package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventPublication;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.JsonCodec;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.ShortLived;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/**
 * The published events as everyone reads them — detail, the public lists and the calendar feeds — kept briefly in
 * memory, and forgotten when anything they show changes.
 */
@ApplicationScoped
public class PublicEvents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Campaigns campaigns;

    /** The approved public version, or empty when the event was never published. */
    public Optional<EventView> published(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery(
                        "select p, e.confirmedCount from EventPublication p, Event e where e.id = p.eventId and p.eventId = :id",
                        Object[].class)
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> publicView((EventPublication) r[0], (Integer) r[1]));
    }

    public record PublicQuery(EventKind kind, Instant from, Instant to, String campaign, String text, boolean newestFirst) {}

    /**
     * Public lists for 5 s: the event list is what everyone opens when the open month is announced. This instance
     * forgets them as soon as it publishes, cancels or registers anyone; other instances when they hear of a
     * publication or cancellation ({@link ClusterBus}), and of seats taken there within the 5 s.
     *
     * <p>A question asked again within 5 s is kept whole — every page of it from one query — while it has at most
     * {@value #WHOLE_LIST_MAX} events, and pages are cut from it: people leafing through fifty pages at 300
     * requests/s then cost one query per 5 s instead of a query (with its growing OFFSET) per page and 5 s, which put
     * a refresh or a first read in the list's p95 (bench/public-read). A question asked once (a one-off time or text)
     * reads just its page. Views share their text with the parsed snapshots, so a kept question of 2,000 events is a
     * few hundred kilobytes. Longer questions (years of archive) are kept page by page.
     */
    private static final Duration LISTS_KEPT = Duration.ofSeconds(5);
    private final ShortLived<String, WholeList> wholeLists =
            new ShortLived<>(LISTS_KEPT, 256);
    private final ShortLived<String, PublicList> publicLists =
            new ShortLived<>(LISTS_KEPT, 2_000);
    static final int WHOLE_LIST_MAX = 2_000;
    private static final int PAGES_KEPT = 200;

    /** Every event of one public question in list order (null when longer than {@link #WHOLE_LIST_MAX}), and the pages cut so far. */
    private record WholeList(List<EventView> events, Map<String, PublicList> pages) {

        PublicList page(Paging paging) {
            String key = paging.first() + "|" + paging.size();
            PublicList kept = pages.get(key);
            if (kept == null) {
                int from = (int) Math.min(events.size(), (long) paging.first());
                kept = new PublicList(new Page<>(events.subList(from, Math.min(events.size(), from + paging.size())), events.size()));
                if (pages.size() < PAGES_KEPT) {
                    pages.put(key, kept);
                }
            }
            return kept;
        }
    }

    /**
     * A public list as kept, with its JSON written once the API is first asked for it: at 300 requests a second
     * writing the same twenty events to JSON for each was most of the list's cost (bench/public-read).
     */
    private static final class PublicList {
        final Page<EventView> page;
        private volatile String json;

        PublicList(Page<EventView> page) {
            this.page = page;
        }

        String json() {
            String written = json;
            if (written == null) {
                written = JsonCodec.JSONB.toJson(page);
                json = written;
            }
            return written;
        }
    }

    /** Something public changed here (a publication, a seat taken or freed): lists are read afresh. */
    public void publicChanged() {
        wholeLists.clear();
        publicLists.clear();
    }

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventPublished e) {
        publicChanged();
        cluster.publish(ClusterBus.Kind.PUBLIC_EVENTS, e.eventId());
    }

    @Inject
    ClusterBus cluster;

    void publishedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.PUBLIC_EVENTS) {
            publicChanged();
        }
    }

    /** "Upcoming" from the current minute, so every visitor in that minute asks the same (kept) question. */
    public Instant upcomingFrom() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    public Page<EventView> publicList(PublicQuery query, Paging paging) {
        return kept(query, paging).page;
    }

    /** The same list as the API sends it (the JSON of {@link #publicList}), written once per list kept. */
    public String publicListJson(PublicQuery query, Paging paging) {
        return kept(query, paging).json();
    }

    private PublicList kept(PublicQuery query, Paging paging) {
        String question = query.toString();
        if (askedAgain(question)) {
            WholeList whole = wholeLists.get(question, () -> readWholeList(query));
            if (whole.events() != null) {
                return whole.page(paging);
            }
        }
        return publicLists.get(question + "|" + paging.first() + "|" + paging.size(), () -> new PublicList(readPublicList(query, paging)));
    }

    /** When each question was last asked (nanoTime), so one asked once (a one-off time or text) reads just its page. */
    private final Map<String, Long> asked = new ConcurrentHashMap<>();

    private boolean askedAgain(String question) {
        long now = System.nanoTime();
        if (asked.size() > 10_000) {
            asked.clear();
        }
        Long before = asked.put(question, now);
        return before != null && now - before < LISTS_KEPT.toNanos();
    }

    private WholeList readWholeList(PublicQuery query) {
        Page<EventView> all = readPublicList(query, null);
        return new WholeList(all == null ? null : all.items(), new ConcurrentHashMap<>());
    }

    /** One page of a public question; with {@code paging} null every event of it, or null when there are too many. */
    private Page<EventView> readPublicList(PublicQuery query, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" from EventPublication p, Event e where e.id = p.eventId");
        if (query.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.from() != null) {
            where.append(" and p.endsAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and p.startsAt < :to");
            params.put("to", query.to());
        }
        if (query.campaign() != null && !query.campaign().isBlank()) {
            Optional<Campaign> campaign = campaigns.named(query.campaign());
            if (campaign.isEmpty()) {
                return new Page<>(List.of(), 0);
            }
            where.append(" and p.campaignId = :campaign");
            params.put("campaign", campaign.get().getId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and lower(p.title) like :text");
            params.put("text", "%" + query.text().strip().toLowerCase() + "%");
        }
        TypedQuery<Object[]> select = em.createQuery("select p, e.confirmedCount" + where
                + " order by p.startsAt " + (query.newestFirst() ? "desc" : "asc") + ", p.eventId", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(p)" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        if (paging == null && count.getSingleResult() > WHOLE_LIST_MAX) {
            return null;
        }
        if (paging != null) {
            select.setFirstResult(paging.first()).setMaxResults(paging.size());
        }
        List<EventView> items = select.getResultList().stream().map(r -> publicView((EventPublication) r[0], (Integer) r[1])).toList();
        return new Page<>(items, paging == null ? items.size() : count.getSingleResult());
    }

    /** Parsed snapshots by event and publication sequence: a published version never changes, only its successor. */
    private record Parsed(int sequence, EventStatus status, EventContent content) {}

    private final Map<Long, Parsed> contents = new ConcurrentHashMap<>();

    private EventContent content(EventPublication p) {
        Parsed known = contents.get(p.getEventId());
        if (known != null && known.sequence() == p.getSequence() && known.status() == p.getStatus()) {
            return known.content();
        }
        EventContent c = JSONB.fromJson(p.getSnapshot(), EventContent.class);
        if (contents.size() > 20_000) {
            contents.clear();
        }
        contents.put(p.getEventId(), new Parsed(p.getSequence(), p.getStatus(), c));
        return c;
    }

    EventView publicView(EventPublication p, int confirmed) {
        EventContent c = content(p);
        return new EventView(p.getEventId(), c.kind(), p.getStatus(), null, c.title(), c.summary(), c.description(),
                c.mode(), c.venue(), c.onlineUrl(), c.startsAt(), c.endsAt(), c.capacity(), c.waitlist(),
                c.registrationOpensAt(), c.registrationClosesAt(), c.campaign(), Math.max(0, c.capacity() - confirmed),
                null, p.getSequence(), c.agendaItems(), null, c.cancelReason(), Times.local(p.getFirstPublishedAt()));
    }

    /** Calendar feeds need the change time and sequence beside the content. */
    public record Published(EventView view, Instant changedAt) {}

    public List<Published> publishedForCalendar(EventKind kind, String campaignName, Instant from) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select p, e.confirmedCount from EventPublication p, Event e where e.id = p.eventId and p.endsAt >= :from");
        params.put("from", from);
        if (kind != null) {
            jpql.append(" and p.kind = :kind");
            params.put("kind", kind);
        }
        if (campaignName != null && !campaignName.isBlank()) {
            Optional<Campaign> campaign = campaigns.named(campaignName);
            if (campaign.isEmpty()) {
                return List.of();
            }
            jpql.append(" and p.campaignId = :campaign");
            params.put("campaign", campaign.get().getId());
        }
        // a total order: events starting at the same time must not swap places, or the feed's ETag would change
        TypedQuery<Object[]> q = em.createQuery(jpql + " order by p.startsAt, p.eventId", Object[].class);
        params.forEach(q::setParameter);
        return q.setMaxResults(2000).getResultList().stream()
                .map(r -> new Published(publicView((EventPublication) r[0], (Integer) r[1]), ((EventPublication) r[0]).getChangedAt()))
                .toList();
    }

    public Optional<Published> publishedForCalendar(Long id) {
        EventPublication p = id == null ? null : em.find(EventPublication.class, id);
        if (p == null) {
            return Optional.empty();
        }
        return published(id).map(v -> new Published(v, p.getChangedAt()));
    }

}
