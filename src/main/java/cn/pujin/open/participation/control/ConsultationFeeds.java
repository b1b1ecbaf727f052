package cn.pujin.open.participation.control;

import cn.pujin.open.notification.control.IcalFeed;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.platform.control.AtomFeed;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * Where people look for consultations besides the pages: the Atom feed of published consultations and the iCalendar
 * of their comment periods (one entry per consultation, from opening to closing).
 */
@ApplicationScoped
public class ConsultationFeeds {

    static final int ENTRIES = 30;

    @Inject
    ConsultationViews views;

    @Inject
    IcalFeed ical;

    @Inject
    Links links;

    /** Published consultations as feed entries, newest first. */
    public List<AtomFeed.Entry> entries() {
        String category = Messages.get(Messages.CHINESE, "consultation.title");
        return views.list(null, false).stream().limit(ENTRIES).map(c -> new AtomFeed.Entry(
                link(c.id()), c.title() + "（" + Messages.get(Messages.CHINESE, "consultation.period." + c.period()) + "）",
                link(c.id()), c.publishedAt(), period(c) + "\n" + excerpt(c.interpretation()), category)).toList();
    }

    public String atom() {
        return AtomFeed.write(new AtomFeed.Head(links.to("/consultations/"),
                Messages.get(Messages.CHINESE, "app.name") + " · " + Messages.get(Messages.CHINESE, "consultation.title"),
                links.to("/api/v1/consultations/feed.atom"), links.to("/consultations/"),
                Messages.get(Messages.CHINESE, "app.footer")), entries());
    }

    /** The comment periods of published consultations as an iCalendar (METHOD:PUBLISH). */
    public String ics() {
        List<VEvent> periods = views.list(null, false).stream().map(c -> {
            VEvent e = new VEvent(c.opensAt().atZoneSameInstant(Clocks.ZONE), c.closesAt().atZoneSameInstant(Clocks.ZONE),
                    Messages.get(Messages.CHINESE, "consultation.calendarEntry", c.title()));
            e.add(new Uid("consultation-" + c.id() + "@pujin-open"));
            Instant stamp = c.publishedAt().toInstant();
            e.replace(new DtStamp(stamp));
            e.add(new Url(URI.create(link(c.id()))));
            e.add(new Description(period(c) + "\n" + link(c.id())));
            return e;
        }).toList();
        return ical.publish(Messages.get(Messages.CHINESE, "consultation.calendarName"), periods);
    }

    private String link(Long id) {
        return links.to("/consultations/detail.xhtml?id=" + id);
    }

    private static String period(ConsultationView c) {
        return Messages.get(Messages.CHINESE, "consultation.periodText", Consultations.DAY_TIME.format(c.opensAt()),
                Consultations.DAY_TIME.format(c.closesAt()));
    }

    private static String excerpt(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
