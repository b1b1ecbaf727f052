package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventPublication;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.event.entity.Material;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Changes;
import cn.pujin.open.platform.control.Html;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/**
 * Events from the organiser's draft to publication: editing, agenda items, the review workflow (先审查后公开), staff's
 * working copies. What the public reads, and its caches: {@link PublicEvents}.
 */
@ApplicationScoped
public class Events {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Campaigns campaigns;

    @Inject
    Audit audit;

    @Inject
    Links links;

    @Inject
    Seats seats;

    @Inject
    jakarta.enterprise.event.Event<EventPublished> published;

    @Inject
    jakarta.enterprise.event.Event<EventCancelled> cancelled;

    @Inject
    jakarta.enterprise.event.Event<AgendaItemRemoving> removing;

    @Inject
    jakarta.enterprise.event.Event<EventRescheduled> rescheduled;

    @Inject
    jakarta.enterprise.event.Event<MaterialsPublished> materialsPublished;

    // ---- organiser: working copy ----

    @Transactional
    public Event create(Long author, @NotNull(message = "{validation.body}") @Valid EventDraft draft) {
        return create(author, draft, false);
    }

    /**
     * An event that has already taken place, entered for the record (the demo's history): its start may be in the
     * past. Everyone else gets {@link #create}, which refuses a start in the past.
     */
    @Transactional
    public Event createHeld(Long author, @NotNull(message = "{validation.body}") @Valid EventDraft draft) {
        return create(author, draft, true);
    }

    private Event create(Long author, EventDraft draft, boolean held) {
        Event event = new Event(draft.kind(), author, clock.instant());
        apply(event, draft, held);
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
        EventContent was = content(event);
        apply(event, draft, false);
        List<String> changed = Changes.between(was, content(event));
        if (!changed.isEmpty()) { // a save without a change leaves a published event without a pending revision
            event.edited(editor, clock.instant());
            audit.recordEdit(editor, "event", id, "event.update", before, event.state(), changed);
        }
        return event;
    }

    @Transactional
    public AgendaItem addAgendaItem(Long editor, Long eventId, @NotNull(message = "{validation.body}") @Valid AgendaItemDraft draft) {
        Event event = lockedForEdit(editor, eventId);
        int position = event.getAgendaItems().stream().mapToInt(AgendaItem::getPosition).max().orElse(0) + 1;
        AgendaItem item = new AgendaItem(event, position, draft.title().strip(), Texts.strip(draft.summary()), materials(draft));
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
        item.update(draft.title().strip(), Texts.strip(draft.summary()), materials(draft));
        audit.record(editor, "event", eventId, "agendaItem.update", null, null, item.getTitle());
        return item;
    }

    @Transactional
    public void removeAgendaItem(Long editor, Long eventId, Long itemId) {
        Event event = lockedForEdit(editor, eventId);
        AgendaItem item = agendaItem(event, itemId);
        // what refers to it (citizens' comments) may refuse: such an item can be edited, never removed
        removing.fire(new AgendaItemRemoving(eventId, itemId));
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
        int confirmed = seats.lock(id);
        if (event.getCapacity() < confirmed) {
            throw capacityBelowConfirmed(confirmed);
        }
        event.approve(reviewer, clock.instant());
        EventPublication publication = em.find(EventPublication.class, id);
        EventContent was = null;
        if (publication == null) {
            publication = new EventPublication(id, clock.instant());
            em.persist(publication);
        } else if (publication.getStatus() == EventStatus.PUBLISHED) {
            was = JSONB.fromJson(publication.getSnapshot(), EventContent.class);
        }
        EventContent now = content(event);
        publication.publish(event, JSONB.toJson(now), clock.instant());
        List<String> newMaterials = newMaterials(was, now);
        if (!newMaterials.isEmpty()) {
            publication.materialsPublished(clock.instant());
        }
        audit.record(reviewer, "event", id, "event.approve", before, event.state(), null);
        published.fire(new EventPublished(id, publication.getSequence()));
        if (!newMaterials.isEmpty() && event.getKind() == EventKind.DECISION_MEETING) {
            materialsPublished.fire(new MaterialsPublished(id, newMaterials));
        }
        if (was != null) {
            EventRescheduled change = new EventRescheduled(id, was, now);
            if (change.timeChanged() || change.placeChanged()) {
                rescheduled.fire(change);
            }
        }
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

    /** Titles of the materials the new version links to that the previous one did not. */
    private static List<String> newMaterials(EventContent was, EventContent now) {
        Set<String> before = was == null ? Set.of() : was.agendaItems().stream().flatMap(i -> i.materials().stream())
                .map(EventView.MaterialView::url).collect(Collectors.toSet());
        return now.agendaItems().stream().flatMap(i -> i.materials().stream()).filter(m -> !before.contains(m.url()))
                .map(EventView.MaterialView::title).toList();
    }

    private static Problem capacityBelowConfirmed(int confirmed) {
        return new Problem(409, ProblemCode.CAPACITY_BELOW_CONFIRMED, "event.capacity.belowConfirmed", null,
                Map.of("confirmed", confirmed), confirmed);
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

    /** Working copies for staff, newest first; {@code awaitingReview} lists new events and revisions in review. */
    /** The order of the organiser's list: the last edited first, or by start. */
    public enum WorkingOrder {
        EDITED("e.updatedAt desc, e.id desc"), STARTS_ASC("e.startsAt asc, e.id asc"), STARTS_DESC("e.startsAt desc, e.id desc");

        final String jpql;
        WorkingOrder(String jpql) { this.jpql = jpql; }
    }

    public Page<EventView> workingList(Collection<EventStatus> statuses, boolean awaitingReview, Paging paging) {
        return workingList(statuses, awaitingReview, WorkingOrder.EDITED, paging);
    }

    public Page<EventView> workingList(Collection<EventStatus> statuses, boolean awaitingReview, WorkingOrder order,
            Paging paging) {
        String where = awaitingReview
                ? " from Event e where e.status = cn.pujin.open.event.entity.EventStatus.IN_REVIEW"
                  + " or e.revision = cn.pujin.open.event.entity.RevisionStatus.IN_REVIEW"
                : " from Event e" + (statuses == null || statuses.isEmpty() ? "" : " where e.status in :statuses");
        TypedQuery<Event> select = em.createQuery("select e" + where + " order by " + order.jpql, Event.class);
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

    // ---- helpers ----

    private void apply(Event event, EventDraft d, boolean held) {
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
        // a start in the past is refused when it is new or changed; an event that has begun keeps its (past) start
        // through later edits of its text
        boolean startPast = !held && startsAt.isBefore(clock.instant()) && !startsAt.equals(event.getStartsAt());
        if (startPast) {
            errors.add(new Problem.FieldError("startsAt", "event.startsAt.past"));
        }
        Instant opens = d.registrationOpensAt() != null ? d.registrationOpensAt().toInstant()
                : event.getRegistrationOpensAt() != null ? event.getRegistrationOpensAt() : clock.instant();
        Instant closes = d.registrationClosesAt() != null ? d.registrationClosesAt().toInstant() : startsAt;
        if (!closes.isAfter(opens) && !startPast) {
            // under the field the person filled in: the closing time when they gave one, else the opening time when they
            // gave that, else the start (registration closes at the start, which is already past)
            if (d.registrationClosesAt() != null) {
                errors.add(new Problem.FieldError("registrationClosesAt", "event.registration.closesBeforeOpens"));
            } else if (d.registrationOpensAt() != null) {
                errors.add(new Problem.FieldError("registrationOpensAt", "event.registration.opensAfterStart"));
            } else {
                errors.add(new Problem.FieldError("startsAt", "event.startsAt.registrationOver"));
            }
        } else if (closes.isAfter(endsAt) && endsAt.isAfter(startsAt)) { // else the end's own error is the one to show
            errors.add(new Problem.FieldError("registrationClosesAt", "event.registration.closesAfterEnd"));
        }
        if (event.getId() != null && event.getKind() != d.kind() && event.getStatus() != EventStatus.DRAFT) {
            errors.add(new Problem.FieldError("kind", "event.kind.fixed"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        // a seat once confirmed is never taken away by an edit: lowering the capacity below it is refused, here and
        // again at approval (people may have registered in between)
        if (event.getId() != null && d.capacity() < event.getConfirmedCount()) {
            throw capacityBelowConfirmed(event.getConfirmedCount());
        }
        event.describe(d.title().strip(), Texts.strip(d.summary()), Html.sanitize(d.description(), links.to("")), d.mode(),
                Texts.strip(d.venue()), Texts.strip(d.onlineUrl()));
        event.schedule(d.kind(), startsAt, endsAt, opens, closes, d.capacity(),
                d.waitlist() == null || d.waitlist(), campaigns.campaignFor(d.campaign(), startsAt));
    }

    private static void requireVersion(Event event, long version) {
        Problem.requireVersion(version, event.getVersion());
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
                .map(m -> new Material(m.title().strip(), Texts.strip(m.summary()), m.url().strip())).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
