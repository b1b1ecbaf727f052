package cn.pujin.open.notification.control;

import cn.pujin.open.event.control.EventPublished;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.Html;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.ShortLived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * RFC 5545 calendars of published events, built with iCal4j: VTIMEZONE Asia/Shanghai, a stable UID per
 * event, SEQUENCE from the publication (grows with every published change), STATUS:CANCELLED, LOCATION,
 * URL back to the event page and the summary as DESCRIPTION.
 */
@ApplicationScoped
public class IcalFeed {

    public static final String PRODUCT = "-//Pujin Sub-district Office//Pujin Open//ZH";
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    @Inject
    Links links;

    /** The organiser of every invitation (RFC 5546: a REQUEST and a CANCEL name their ORGANIZER). */
    @Inject
    @ConfigProperty(name = "MAIL_FROM")
    String organiser;

    /** A feed as sent: its UTF-8 bytes, ETag and Last-Modified. */
    public record Rendered(byte[] body, String tag, Instant lastModified) {

        /** The feed's UTF-8 bytes, encoded once per feed kept rather than once per download. */
        public static Rendered of(String ics, Instant lastModified) {
            return new Rendered(ics.getBytes(StandardCharsets.UTF_8), IcalFeed.tag(ics), lastModified);
        }
    }

    /**
     * The public feeds for 30 s: calendar apps poll them, and answering a poll with 304 should not mean rendering
     * every event first. Only a publication or cancellation changes a feed, and that clears them at once, here and
     * on the other instances ({@code ClusterBus}); the time limit only bounds a message lost between instances.
     */
    private final ShortLived<String, Rendered> publicFeeds =
            new ShortLived<>(Duration.ofSeconds(30), 200);

    public Rendered publicFeed(String key, Supplier<Rendered> render) {
        return publicFeeds.get(key, render);
    }

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                   EventPublished e) {
        publicFeeds.clear();
    }

    void publishedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.PUBLIC_EVENTS) {
            publicFeeds.clear();
        }
    }

    /** Text, ETag (a hash of the text) and Last-Modified (the latest change among the events) of a feed. */
    public Rendered render(List<PublicEvents.Published> events, String name) {
        String ics = feed(events, name);
        Instant modified = events.stream().map(PublicEvents.Published::changedAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return Rendered.of(ics, modified);
    }

    /** The ETag of a feed's text: the first 128 bits of its SHA-256. */
    public static String tag(String ics) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ics.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A feed ({@code METHOD:PUBLISH}) of the given events. */
    public String feed(List<PublicEvents.Published> events, String name) {
        return write(calendar(events, name, Method.VALUE_PUBLISH));
    }

    /**
     * An invitation ({@code METHOD:REQUEST}) or its withdrawal ({@code METHOD:CANCEL}) for one event, as
     * mail attachments carry them; same UID as the feeds so calendar apps update the same entry.
     */
    public String invitation(PublicEvents.Published event, boolean cancel) {
        Calendar calendar = calendar(List.of(event), event.view().title(), cancel ? Method.VALUE_CANCEL : Method.VALUE_REQUEST);
        calendar.getComponent(Component.VEVENT).ifPresent(e -> e.add(new Organizer(URI.create("mailto:" + organiserAddress()))
                .add(new Cn(Messages.get(Messages.CHINESE, "calendar.organiserName")))));
        return write(calendar);
    }

    /** The bare address of MAIL_FROM ("浦锦开放 &lt;noreply@…&gt;" gives noreply@…). */
    private String organiserAddress() {
        try {
            return new InternetAddress(organiser).getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException("MAIL_FROM is not an address: " + organiser, e);
        }
    }

    /**
     * The invitation as sent to one person: with their ATTENDEE line (RFC 5546 wants one in a REQUEST and a CANCEL).
     * Invitations are rendered once per version of an event, so the person's line is put in afterwards.
     */
    public static String addressedTo(String invitation, String name, String email) {
        Property attendee = new Attendee(URI.create("mailto:" + email)).add(Role.REQ_PARTICIPANT).add(PartStat.ACCEPTED)
                .add(Rsvp.FALSE);
        if (name != null && !name.isBlank()) {
            attendee.add(new Cn(name));
        }
        String unfolded = unfold(invitation);
        int end = unfolded.indexOf("END:VEVENT\r\n");
        if (end < 0) {
            return invitation;
        }
        return fold(unfolded.substring(0, end) + attendee.toString().strip() + "\r\n" + unfolded.substring(end));
    }

    /** RFC 5545 §3.1: content lines are folded at 75 octets (of UTF-8), never inside a character. */
    public static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String unfold(String folded) {
        return folded.replace("\r\n ", "").replace("\r\n\t", "");
    }

    public static String uid(Long eventId) {
        return "event-" + eventId + "@pujin-open";
    }

    public String eventUrl(Long eventId) {
        return links.to("/events/detail.xhtml?id=" + eventId);
    }

    /** A published calendar ({@code METHOD:PUBLISH}) of other features' entries (e.g. consultation periods). */
    public String publish(String name, List<VEvent> entries) {
        Calendar calendar = header(name, Method.VALUE_PUBLISH);
        entries.forEach(calendar::add);
        return write(calendar);
    }

    private Calendar calendar(List<PublicEvents.Published> events, String name, String method) {
        Calendar calendar = header(name, method);
        for (PublicEvents.Published published : events) {
            calendar.add(event(published, Method.VALUE_CANCEL.equals(method)));
        }
        return calendar;
    }

    private static Calendar header(String name, String method) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new Method(method))
                .add(new XProperty("X-WR-CALNAME", name))
                .add(new XProperty("X-WR-TIMEZONE", Clocks.ZONE.getId()));
        VTimeZone zone = REGISTRY.getTimeZone(Clocks.ZONE.getId()).getVTimeZone();
        calendar.add(zone);
        return calendar;
    }

    private VEvent event(PublicEvents.Published published, boolean withdrawn) {
        EventView e = published.view();
        boolean cancelled = withdrawn || e.status() == EventStatus.CANCELLED;
        Instant changed = published.changedAt();
        VEvent event = new VEvent(e.startsAt().atZoneSameInstant(Clocks.ZONE), e.endsAt().atZoneSameInstant(Clocks.ZONE),
                e.title());
        event.add(new Uid(uid(e.id())));
        event.add(new Sequence(Math.max(0, e.sequence() == null ? 0 : e.sequence())));
        event.replace(new DtStamp(changed));
        event.add(new LastModified(changed));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        String location = location(e);
        if (location != null) {
            event.add(new Location(location));
        }
        event.add(new Url(URI.create(eventUrl(e.id()))));
        String description = e.summary() != null ? e.summary() : Html.text(e.description());
        if (e.onlineUrl() != null) {
            description = (description == null || description.isBlank() ? "" : description + "\n") + e.onlineUrl();
        }
        if (cancelled && e.cancelReason() != null) {
            description = Messages.get(Messages.CHINESE, "calendar.cancelledPrefix") + e.cancelReason() + "\n" + (description == null ? "" : description);
        }
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        return event;
    }

    private static String location(EventView e) {
        if (e.venue() != null && e.onlineUrl() != null) {
            return e.venue() + " / " + e.onlineUrl();
        }
        return e.venue() != null ? e.venue() : e.onlineUrl();
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // iCal4j folds at 73 characters, which for Chinese text is up to 219 octets
        return fold(unfold(out.toString()));
    }
}
