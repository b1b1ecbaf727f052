package cn.pujin.open.openness.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.control.Links;
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
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code GET /open/feed.atom}: an Atom feed of what the column publishes — events and published answers — for
 * the district portal to pull. Anonymous, cacheable for five minutes.
 */
@Path("open/feed.atom")
@RequestScoped
public class FeedResource {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int ENTRIES = 30;
    /** Characters XML 1.0 cannot carry (control characters typed into a suggestion must not break the feed). */
    static final Pattern XML_TEXT = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    @Inject
    PublicEvents publicEvents;

    @Inject
    Feedback feedback;

    @Inject
    Links links;

    record Entry(String id, String title, String link, OffsetDateTime updated, String summary, String category) {}

    @GET
    @Produces("application/atom+xml")
    public Response feed() throws XMLStreamException {
        List<Entry> entries = new ArrayList<>();
        for (EventView e : publicEvents.publicList(new PublicEvents.PublicQuery(null, null, null, null, null, true), new Paging(0, ENTRIES)).items()) {
            entries.add(new Entry(links.to("/events/detail.xhtml?id=" + e.id()), e.title(), links.to("/events/detail.xhtml?id=" + e.id()),
                    e.publishedAt() != null ? e.publishedAt() : e.startsAt(), e.summary(),
                    Messages.get(Messages.CHINESE, "kind." + e.kind().name())));
        }
        for (FeedbackView.Item a : feedback.feedback(null, null, new Paging(0, ENTRIES)).items()) {
            String outcome = Messages.get(Messages.CHINESE, "suggestion.outcome." + a.outcome());
            entries.add(new Entry(links.to("/open/feedback.xhtml?event=" + a.eventId()) + "#answer-" + a.id(),
                    a.eventTitle() + "：" + outcome, links.to("/open/feedback.xhtml?event=" + a.eventId()), a.publishedAt(),
                    a.text() + "\n" + Messages.get(Messages.CHINESE, "suggestion.reason") + "：" + a.reason(),
                    Messages.get(Messages.CHINESE, "feedback.title")));
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed());
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace(ATOM);
        element(x, "id", links.to("/open/"));
        element(x, "title", Messages.get(Messages.CHINESE, "app.name") + " · " + Messages.get(Messages.CHINESE, "open.title"));
        element(x, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                entries.isEmpty() ? OffsetDateTime.now() : entries.get(0).updated()));
        link(x, links.to("/api/v1/open/feed.atom"), "self");
        link(x, links.to("/open/"), "alternate");
        for (Entry e : entries.subList(0, Math.min(entries.size(), ENTRIES))) {
            x.writeStartElement("entry");
            element(x, "id", e.id());
            element(x, "title", e.title());
            link(x, e.link(), "alternate");
            element(x, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.updated()));
            x.writeStartElement("author");
            element(x, "name", Messages.get(Messages.CHINESE, "app.footer"));
            x.writeEndElement();
            x.writeEmptyElement("category");
            x.writeAttribute("term", e.category());
            element(x, "summary", e.summary() == null ? "" : e.summary());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return Response.ok(out.toString(), "application/atom+xml; charset=UTF-8").header("Cache-Control", "public, max-age=300").build();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(XML_TEXT.matcher(text).replaceAll(""));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String href, String rel) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("href", href);
        x.writeAttribute("rel", rel);
    }
}
