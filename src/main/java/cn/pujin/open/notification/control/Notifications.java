package cn.pujin.open.notification.control;

import cn.pujin.open.event.control.DecisionPublished;
import cn.pujin.open.event.control.MaterialsPublished;
import cn.pujin.open.checkin.control.CheckInReports;
import java.util.Optional;
import java.util.ArrayList;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.event.control.EventRescheduled;
import cn.pujin.open.event.control.EventContent;
import cn.pujin.open.account.control.Contact;
import cn.pujin.open.account.control.Contacts;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Html;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.control.RegistrationChanged;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns what happened to a registration into a notice on "my page" and, when the person gave an e-mail
 * address, a mail (zh-CN, text and HTML) with a calendar invitation or withdrawal attached. Written in
 * the changing transaction; {@link MailOutbox} sends after commit.
 */
@ApplicationScoped
public class Notifications {

    private static final Locale MAIL_LOCALE = Messages.CHINESE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(Messages.get(MAIL_LOCALE, "format.dayTime"));
    private static final Set<Change> INVITES = EnumSet.of(Change.CONFIRMED, Change.PROMOTED, Change.SELECTED, Change.REMINDED);
    private static final Set<Change> WITHDRAWS = EnumSet.of(Change.CANCELLED, Change.EVENT_CANCELLED);

    @PersistenceContext
    EntityManager em;

    @Inject
    Contacts contacts;

    @Inject
    PublicEvents publicEvents;

    @Inject
    IcalFeed calendar;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    @Inject
    Links links;

    /** CDI event: a mail waits in the outbox (observed after commit to send it at once). */
    public record MailQueued(Long notificationId) {}

    /**
     * What every notice about one version of an event shares: its public view and its calendar invitation
     * and withdrawal. Rendering them (JSON snapshot, iCal4j) is the costly part of a notice, and notices are
     * written while a registration holds the event's seat lock, so they are rendered once per version.
     */
    record EventMail(EventView view, String where, String invite, String withdraw) {

        /** The arguments every mail key takes: title, time, place, registration number, its own detail, a link. */
        Object[] args(Long registrationId, String detail, String link) {
            return new Object[]{view.title(), WHEN.format(view.startsAt().atZoneSameInstant(Clocks.ZONE)), where,
                    registrationId == null ? "" : Registration.number(registrationId), detail == null ? "" : detail, link};
        }
    }

    private final Map<Long, EventMail> rendered = new ConcurrentHashMap<>();

    @Inject
    Seats seats;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    CheckInReports checkIns;

    /** The shared parts of mails about an event, for its current published version. */
    EventMail eventMail(Long eventId) {
        int sequence = seats.bookable(eventId).sequence();
        long key = eventId * 100_000L + sequence;
        return rendered.computeIfAbsent(key, k -> {
            if (rendered.size() > 5_000) {
                rendered.clear();
            }
            PublicEvents.Published published = publicEvents.publishedForCalendar(eventId).orElseThrow(Problem::notFound);
            EventView e = published.view();
            String where = e.venue() != null ? e.venue() : e.onlineUrl();
            return new EventMail(e, where == null ? "" : where, calendar.invitation(published, false),
                    calendar.invitation(published, true));
        });
    }

    /** Before the seat lock: render the event's parts once (the registration has read the person's contact itself). */
    void preparing(@Observes Registrations.Preparing p) {
        eventMail(p.eventId());
    }

    void registrationChanged(@Observes RegistrationChanged c) {
        EventMail mail = eventMail(c.eventId());
        String key = "mail." + c.change().name().toLowerCase(Locale.ROOT);
        Object[] args = mail.args(c.registrationId(), c.reason(), link("/me/registrations.xhtml"));
        String ics = INVITES.contains(c.change()) ? mail.invite() : WITHDRAWS.contains(c.change()) ? mail.withdraw() : null;
        notify(c.accountId(), c.eventId(), c.change().name(), key, args, ics).about(c.registrationId());
    }

    /**
     * An approved change moved the event in time or place: everyone who holds, applied for or waits for a place is
     * told what changed, old → new; the confirmed get the updated invitation (same UID, next SEQUENCE).
     */
    void rescheduled(@Observes EventRescheduled change) {
        EventMail mail = eventMail(change.eventId());
        EventView e = mail.view();
        String what = changes(change);
        for (Registration r : registrationQueries.concerned(change.eventId())) {
            notify(r.getAccountId(), change.eventId(), "EVENT_CHANGED", "mail.event_changed",
                    mail.args(r.getId(), what, link("/events/detail.xhtml?id=" + e.id())),
                    r.getStatus() == RegistrationStatus.CONFIRMED ? mail.invite() : null).about(r.getId());
        }
    }

    /** The selected representatives of a meeting learn that its materials are public (with their titles). */
    void materialsPublished(@Observes MaterialsPublished published) {
        EventMail mail = eventMail(published.eventId());
        EventView e = mail.view();
        String titles = String.join("\n", published.titles().stream().map(t -> "· " + t).toList());
        for (Registration r : registrationQueries.confirmed(published.eventId())) {
            notify(r.getAccountId(), e.id(), "MATERIALS_PUBLISHED", "mail.materials_published",
                    mail.args(r.getId(), titles, link("/events/detail.xhtml?id=" + e.id())), null).about(r.getId());
        }
    }

    /** Everyone who attended a meeting (admitted at its doors) learns that a decision of it is public. */
    void decisionPublished(@Observes DecisionPublished published) {
        EventMail mail = eventMail(published.eventId());
        EventView e = mail.view();
        Set<Long> attended = checkIns.admitted(published.eventId());
        for (Registration r : registrationQueries.confirmed(published.eventId())) {
            if (attended.contains(r.getId())) {
                notify(r.getAccountId(), e.id(), "DECISION_PUBLISHED", "mail.decision_published",
                        mail.args(r.getId(), published.agendaItem(), link("/open/feedback.xhtml?event=" + e.id())), null)
                        .about(r.getId());
            }
        }
    }

    /** "时间：… → …" and "地点：… → …", one line each, for what changed. */
    static String changes(EventRescheduled change) {
        List<String> lines = new ArrayList<>();
        if (change.timeChanged()) {
            lines.add(Messages.get(MAIL_LOCALE, "mail.event_changed.time", span(change.before()), span(change.after())));
        }
        if (change.placeChanged()) {
            lines.add(Messages.get(MAIL_LOCALE, "mail.event_changed.place", place(change.before()), place(change.after())));
        }
        return String.join("\n", lines);
    }

    private static String span(EventContent c) {
        return WHEN.format(c.startsAt().atZoneSameInstant(Clocks.ZONE)) + "–"
                + (c.endsAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().equals(c.startsAt().atZoneSameInstant(Clocks.ZONE).toLocalDate())
                ? DateTimeFormatter.ofPattern("HH:mm").format(c.endsAt().atZoneSameInstant(Clocks.ZONE))
                : WHEN.format(c.endsAt().atZoneSameInstant(Clocks.ZONE)));
    }

    private static String place(EventContent c) {
        String mode = Messages.get(MAIL_LOCALE, "mode." + c.mode().name());
        List<String> parts = new ArrayList<>(List.of(mode));
        if (c.venue() != null) {
            parts.add(c.venue());
        }
        if (c.onlineUrl() != null) {
            parts.add(c.onlineUrl());
        }
        return String.join(" · ", parts);
    }

    /** A pool member invited to a meeting (the pool calls this: notices never depend on the features they tell of). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invited(Long eventId, Long accountId) {
        EventMail mail = eventMail(eventId);
        notify(accountId, eventId, "INVITED", "mail.invited", mail.args(null, null, link("/me/registrations.xhtml")), null);
    }

    /** Writes a notice from bundle keys {@code KEY.subject} and {@code KEY.body} (paragraphs separated by \n). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification notify(Long accountId, Long eventId, String kind, String key, Object[] args, String ics) {
        String subject = Messages.get(MAIL_LOCALE, key + ".subject", args);
        String text = Messages.get(MAIL_LOCALE, key + ".body", args);
        Contact person = contacts.of(accountId);
        Optional<String> email = contacts.emailOf(person);
        boolean mail = email.isPresent();
        String addressed = ics == null || email.isEmpty() ? ics : IcalFeed.addressedTo(ics, person.displayName(), email.get());
        Notification n = new Notification(accountId, eventId, kind, subject, text + "\n\n" + footer(), html(subject, text),
                addressed, mail, clock.instant());
        em.persist(n);
        if (mail) {
            queued.fire(new MailQueued(n.getId()));
        }
        return n;
    }

    private String footer() {
        return Messages.get(MAIL_LOCALE, "mail.footer", link("/me/"));
    }

    private String link(String path) {
        return links.to(path);
    }

    private String html(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject)).append("</title></head><body style=\"font-family:sans-serif;line-height:1.6;color:#1d2330\">")
                .append("<h2 style=\"color:#1f4e9c\">").append(Html.escape(subject)).append("</h2>");
        for (String paragraph : text.split("\n")) {
            html.append("<p>").append(Html.escape(paragraph)).append("</p>");
        }
        return html.append("<p style=\"color:#5b6475;font-size:90%\">").append(Html.escape(footer())).append("</p></body></html>").toString();
    }

    public Page<Notification> mine(Long accountId, Paging paging) {
        List<Notification> items = em.createQuery(
                        "select n from Notification n where n.accountId = :a order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("a", accountId).setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList();
        long total = em.createQuery("select count(n) from Notification n where n.accountId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        return new Page<>(items, total);
    }

    @Transactional
    public void markRead(Long accountId, Long notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        if (n == null || !n.getAccountId().equals(accountId)) {
            throw Problem.notFound();
        }
        n.read(clock.instant());
    }
}
