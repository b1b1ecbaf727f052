package cn.pujin.open.openness.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.participation.control.ConsultationFeeds;
import cn.pujin.open.platform.control.AtomFeed;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.selection.control.SelectionFeeds;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.Feedback;
import cn.pujin.open.suggestion.control.FeedbackView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /open/feed.atom}: an Atom feed of what the column publishes — events, published answers and
 * consultations — for the district portal to pull. Anonymous, cacheable for five minutes.
 */
@Path("open/feed.atom")
@RequestScoped
public class FeedResource {

    static final int ENTRIES = 30;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Feedback feedback;

    @Inject
    ConsultationFeeds consultations;

    @Inject
    SelectionFeeds selectionFeeds;

    @Inject
    Links links;

    @GET
    @Produces("application/atom+xml")
    public Response feed() {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (EventView e : publicEvents.publicList(new PublicEvents.PublicQuery(null, null, null, null, null, true), new Paging(0, ENTRIES)).items()) {
            entries.add(new AtomFeed.Entry(links.to("/events/detail.xhtml?id=" + e.id()), e.title(), links.to("/events/detail.xhtml?id=" + e.id()),
                    e.publishedAt() != null ? e.publishedAt() : e.startsAt(), e.summary(),
                    Messages.get(Messages.CHINESE, "kind." + e.kind().name())));
        }
        for (FeedbackView.Item a : feedback.feedback(null, null, new Paging(0, ENTRIES)).items()) {
            String outcome = Messages.get(Messages.CHINESE, "suggestion.outcome." + a.outcome());
            entries.add(new AtomFeed.Entry(links.to("/open/feedback.xhtml?event=" + a.eventId()) + "#answer-" + a.id(),
                    a.eventTitle() + "：" + outcome, links.to("/open/feedback.xhtml?event=" + a.eventId()), a.publishedAt(),
                    a.text() + "\n" + Messages.get(Messages.CHINESE, "suggestion.reason") + "：" + a.reason(),
                    Messages.get(Messages.CHINESE, "feedback.title")));
        }
        entries.addAll(consultations.entries());
        entries.addAll(selectionFeeds.entries());
        entries.sort(Comparator.comparing(AtomFeed.Entry::updated).reversed());
        String atom = AtomFeed.write(new AtomFeed.Head(links.to("/open/"),
                Messages.get(Messages.CHINESE, "app.name") + " · " + Messages.get(Messages.CHINESE, "open.title"),
                links.to("/api/v1/open/feed.atom"), links.to("/open/"), Messages.get(Messages.CHINESE, "app.footer")),
                entries.subList(0, Math.min(entries.size(), ENTRIES)));
        return Response.ok(atom, "application/atom+xml; charset=UTF-8").header("Cache-Control", "public, max-age=300").build();
    }
}
