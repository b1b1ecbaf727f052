package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventPublication;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.event.entity.Material;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.Html;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/**
 * Events from the organiser's draft to the public column: editing, agenda items, the review workflow
 * (先审查后公开) and the queries behind the public lists.
 */
@ApplicationScoped
public class Events {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    cn.pujin.open.platform.control.Links links;

    @Inject
    jakarta.enterprise.event.Event<EventPublished> published;

    @Inject
    jakarta.enterprise.event.Event<EventCancelled> cancelled;

    // ---- organiser: working copy ----

    @Transactional
    public Event create(Long author, @NotNull(message = "{validation.body}") @Valid EventDraft draft) {
        Event event = new Event(draft.kind(), author, clock.instant());
        apply(event, draft);
        em.persist(event);
        em.flush();
        audit.record(author, "event", event.getId(), "event.create", null, event.state(), null);
        return event;
    }

    @Transactional
    public Event update(Long editor, Long id, @NotNull(message = "{validation.body}") @Valid EventDraft draft) {
        if (draft.version() == null) {
            throw Problem.invalid("version", "validation.required");
        }
        Event event = working(id);
        requireVersion(event, draft.version());
        String before = event.state();
        event.edited(editor, clock.instant());
        apply(event, draft);
        audit.record(editor, "event", id, "event.update", before, event.state(), null);
        return event;
    }

    @Transactional
    public AgendaItem addAgendaItem(Long editor, Long eventId, @NotNull(message = "{validation.body}") @Valid AgendaItemDraft draft) {
        Event event = lockedForEdit(editor, eventId);
        int position = event.getAgendaItems().stream().mapToInt(AgendaItem::getPosition).max().orElse(0) + 1;
        AgendaItem item = new AgendaItem(event, position, draft.title().strip(), blankToNull(draft.summary()), materials(draft));
        em.persist(item);
        event.getAgendaItems().add(item);
        em.flush();
        audit.record(editor, "event", eventId, "agendaItem.create", null, null, item.getTitle());
        return item;
    }

    @Transactional
    public AgendaItem updateAgendaItem(Long editor, Long eventId, Long itemId,
                                       @NotNull(message = "{validation.body}") @Valid AgendaItemDraft draft) {
        Event event = lockedForEdit(editor, eventId);
        AgendaItem item = agendaItem(event, itemId);
        item.update(draft.title().strip(), blankToNull(draft.summary()), materials(draft));
        audit.record(editor, "event", eventId, "agendaItem.update", null, null, item.getTitle());
        return item;
    }

    @Transactional
    public void removeAgendaItem(Long editor, Long eventId, Long itemId) {
        Event event = lockedForEdit(editor, eventId);
        AgendaItem item = agendaItem(event, itemId);
        // citizens' comments on it must keep their agenda item: such an item can be edited, never removed
        long comments = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM suggestion WHERE agenda_item_id = ?1")
                .setParameter(1, itemId).getSingleResult()).longValue();
        if (comments > 0) {
            throw Problem.conflict("AGENDA_ITEM_HAS_SUGGESTIONS", "event.agendaItem.hasSuggestions", comments);
        }
        event.getAgendaItems().remove(item);
        em.remove(item);
        audit.record(editor, "event", eventId, "agendaItem.delete", null, null, item.getTitle());
    }

    private Event lockedForEdit(Long editor, Long eventId) {
        Event event = working(eventId);
        // an agenda change is a change of the event: bump its version so concurrent editors notice
        em.lock(event, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        event.edited(editor, clock.instant());
        return event;
    }

    private static AgendaItem agendaItem(Event event, Long itemId) {
        return event.getAgendaItems().stream().filter(i -> i.getId().equals(itemId)).findFirst()
                .orElseThrow(Problem::notFound);
    }

    // ---- review workflow ----

    @Transactional
    public Event submit(Long actor, Long id) {
        Event event = working(id);
        String before = event.state();
        event.submit(actor, clock.instant());
        audit.record(actor, "event", id, "event.submit", before, event.state(), null);
        return event;
    }

    @Transactional
    public Event approve(Long reviewer, Long id) {
        Event event = working(id);
        String before = event.state();
        event.approve(reviewer, clock.instant());
        EventPublication publication = em.find(EventPublication.class, id);
        if (publication == null) {
            publication = new EventPublication(id, clock.instant());
            em.persist(publication);
        }
        publication.publish(event, JSONB.toJson(content(event)), clock.instant());
        audit.record(reviewer, "event", id, "event.approve", before, event.state(), null);
        published.fire(new EventPublished(id, publication.getSequence()));
        return event;
    }

    @Transactional
    public Event reject(Long reviewer, Long id, String reason) {
        String why = requireReason(reason);
        Event event = working(id);
        String before = event.state();
        event.reject(reviewer, why, clock.instant());
        audit.record(reviewer, "event", id, "event.reject", before, event.state(), why);
        return event;
    }

    @Transactional
    public Event cancel(Long actor, Long id, String reason) {
        String why = requireReason(reason);
        Event event = working(id);
        String before = event.state();
        event.cancel(why, clock.instant());
        EventPublication publication = em.find(EventPublication.class, id);
        if (publication != null) {
            // the public keeps the last approved content, now marked cancelled with the reason
            EventContent approved = JSONB.fromJson(publication.getSnapshot(), EventContent.class);
            publication.cancel(JSONB.toJson(approved.cancelled(why)), clock.instant());
        }
        audit.record(actor, "event", id, "event.cancel", before, event.state(), why);
        cancelled.fire(new EventCancelled(id, why));
        published.fire(new EventPublished(id, publication == null ? -1 : publication.getSequence()));
        return event;
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "validation.required");
        }
        if (reason.length() > 500) {
            throw Problem.invalid("reason", "validation.size.max.n", 500);
        }
        return reason.strip();
    }

    // ---- reading ----

    public Event working(Long id) {
        Event event = id == null ? null : em.find(Event.class, id);
        if (event == null) {
            throw Problem.notFound();
        }
        return event;
    }

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
    private static final java.time.Duration LISTS_KEPT = java.time.Duration.ofSeconds(5);
    private final cn.pujin.open.platform.control.ShortLived<String, WholeList> wholeLists =
            new cn.pujin.open.platform.control.ShortLived<>(LISTS_KEPT, 256);
    private final cn.pujin.open.platform.control.ShortLived<String, PublicList> publicLists =
            new cn.pujin.open.platform.control.ShortLived<>(LISTS_KEPT, 2_000);
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
                written = cn.pujin.open.platform.control.JsonCodec.JSONB.toJson(page);
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

    void published(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) EventPublished e) {
        publicChanged();
        cluster.publish(ClusterBus.Kind.PUBLIC_EVENTS, e.eventId());
    }

    @Inject
    ClusterBus cluster;

    void publishedElsewhere(@jakarta.enterprise.event.Observes(notifyObserver = jakarta.enterprise.event.Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.PUBLIC_EVENTS) {
            publicChanged();
        }
    }

    /** "Upcoming" from the current minute, so every visitor in that minute asks the same (kept) question. */
    public Instant upcomingFrom() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
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
    private final Map<String, Long> asked = new java.util.concurrent.ConcurrentHashMap<>();

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
        return new WholeList(all == null ? null : all.items(), new java.util.concurrent.ConcurrentHashMap<>());
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
            Optional<Campaign> campaign = campaign(query.campaign());
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

    /** Working copies for staff, newest first; {@code awaitingReview} lists new events and revisions in review. */
    public Page<EventView> workingList(Collection<EventStatus> statuses, boolean awaitingReview, Paging paging) {
        String where = awaitingReview
                ? " from Event e where e.status = cn.pujin.open.event.entity.EventStatus.IN_REVIEW"
                  + " or e.revision = cn.pujin.open.event.entity.RevisionStatus.IN_REVIEW"
                : " from Event e" + (statuses == null || statuses.isEmpty() ? "" : " where e.status in :statuses");
        TypedQuery<Event> select = em.createQuery("select e" + where + " order by e.updatedAt desc, e.id desc", Event.class);
        TypedQuery<Long> count = em.createQuery("select count(e)" + where, Long.class);
        if (!awaitingReview && statuses != null && !statuses.isEmpty()) {
            select.setParameter("statuses", statuses);
            count.setParameter("statuses", statuses);
        }
        List<EventView> items = select.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList()
                .stream().map(this::workingView).toList();
        return new Page<>(items, count.getSingleResult());
    }

    public EventView workingView(Event e) {
        return new EventView(e.getId(), e.getKind(), e.getStatus(), e.getRevision(), e.getTitle(), e.getSummary(),
                e.getDescription(), e.getMode(), e.getVenue(), e.getOnlineUrl(), Times.local(e.getStartsAt()),
                Times.local(e.getEndsAt()), e.getCapacity(), e.isWaitlist(), Times.local(e.getRegistrationOpensAt()),
                Times.local(e.getRegistrationClosesAt()), e.getCampaign() == null ? null : e.getCampaign().getName(),
                Math.max(0, e.getCapacity() - e.getConfirmedCount()), e.getVersion(), null, agenda(e),
                e.getReviewNote(), e.getCancelReason(), null);
    }

    /** Parsed snapshots by event and publication sequence: a published version never changes, only its successor. */
    private record Parsed(int sequence, EventStatus status, EventContent content) {}

    private final Map<Long, Parsed> contents = new java.util.concurrent.ConcurrentHashMap<>();

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
            Optional<Campaign> campaign = campaign(campaignName);
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

    // ---- campaigns ----

    public Optional<Campaign> campaign(String name) {
        return em.createQuery("select c from Campaign c where c.name = :n", Campaign.class)
                .setParameter("n", name.strip()).getResultStream().findFirst();
    }

    public List<Campaign> campaigns() {
        return em.createQuery("select c from Campaign c order by c.startsOn desc", Campaign.class).getResultList();
    }

    /** The campaign to show on the home page: the one running or next to come, else the latest. */
    public Optional<Campaign> featuredCampaign(LocalDate today) {
        List<Campaign> all = campaigns();
        return all.stream().filter(c -> !c.getEndsOn().isBefore(today))
                .min((a, b) -> a.getStartsOn().compareTo(b.getStartsOn()))
                .or(() -> all.stream().findFirst());
    }

    private Campaign campaignFor(String name, Instant startsAt) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return campaign(name).orElseGet(() -> {
            YearMonth month = YearMonth.from(Times.day(startsAt));
            Campaign created = new Campaign(name.strip(), month.atDay(1), month.atEndOfMonth());
            em.persist(created);
            return created;
        });
    }

    // ---- helpers ----

    private void apply(Event event, EventDraft d) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (d.mode().needsVenue() && blank(d.venue())) {
            errors.add(new Problem.FieldError("venue", "event.venue.required"));
        }
        if (d.mode().needsOnlineUrl() && blank(d.onlineUrl())) {
            errors.add(new Problem.FieldError("onlineUrl", "event.onlineUrl.required"));
        }
        Instant startsAt = d.startsAt().toInstant();
        Instant endsAt = d.endsAt().toInstant();
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new Problem.FieldError("endsAt", "event.endsAt.beforeStart"));
        }
        Instant opens = d.registrationOpensAt() != null ? d.registrationOpensAt().toInstant()
                : event.getRegistrationOpensAt() != null ? event.getRegistrationOpensAt() : clock.instant();
        Instant closes = d.registrationClosesAt() != null ? d.registrationClosesAt().toInstant() : startsAt;
        if (!closes.isAfter(opens)) {
            errors.add(new Problem.FieldError("registrationClosesAt", "event.registration.closesBeforeOpens"));
        } else if (closes.isAfter(endsAt)) {
            errors.add(new Problem.FieldError("registrationClosesAt", "event.registration.closesAfterEnd"));
        }
        if (event.getId() != null && event.getKind() != d.kind() && event.getStatus() != EventStatus.DRAFT) {
            errors.add(new Problem.FieldError("kind", "event.kind.fixed"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        event.describe(d.title().strip(), blankToNull(d.summary()), Html.sanitize(d.description(), links.to("")), d.mode(),
                blankToNull(d.venue()), blankToNull(d.onlineUrl()));
        event.schedule(d.kind(), startsAt, endsAt, opens, closes, d.capacity(),
                d.waitlist() == null || d.waitlist(), campaignFor(d.campaign(), startsAt));
    }

    private static void requireVersion(Event event, long version) {
        if (event.getVersion() != version) {
            throw new Problem(409, "VERSION_CONFLICT", "problem.versionConflict", null,
                    Map.of("currentVersion", event.getVersion()));
        }
    }

    private EventContent content(Event e) {
        return new EventContent(e.getKind(), e.getTitle(), e.getSummary(), e.getDescription(), e.getMode(),
                e.getVenue(), e.getOnlineUrl(), Times.local(e.getStartsAt()), Times.local(e.getEndsAt()),
                e.getCapacity(), e.isWaitlist(), Times.local(e.getRegistrationOpensAt()),
                Times.local(e.getRegistrationClosesAt()), e.getCampaign() == null ? null : e.getCampaign().getName(),
                agenda(e), e.getCancelReason());
    }

    private static List<EventView.AgendaItemView> agenda(Event e) {
        return e.getAgendaItems().stream().map(i -> new EventView.AgendaItemView(i.getId(), i.getPosition(),
                        i.getTitle(), i.getSummary(), i.getMaterials().stream()
                        .map(m -> new EventView.MaterialView(m.getTitle(), m.getSummary(), m.getUrl())).toList()))
                .toList();
    }

    private static List<Material> materials(AgendaItemDraft draft) {
        return draft.materialsOrEmpty().stream()
                .map(m -> new Material(m.title().strip(), blankToNull(m.summary()), m.url().strip())).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
