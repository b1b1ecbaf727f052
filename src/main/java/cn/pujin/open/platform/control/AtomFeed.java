package cn.pujin.open.platform.control;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** RFC 4287 Atom feeds (the 政府开放 column's, the consultations'), written with StAX. */
public final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Characters XML 1.0 cannot carry (control characters typed into a comment must not break the feed). */
    static final Pattern XML_TEXT = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    public record Entry(String id, String title, String link, OffsetDateTime updated, String summary, String category) {}

    /** The feed's head: its id, title, own address and the page it mirrors; {@code author} names every entry's author. */
    public record Head(String id, String title, String self, String alternate, String author) {}

    private AtomFeed() {}

    /** The feed of the entries in the order given (newest first); updated = the first entry's time (or now). */
    public static String write(Head head, List<Entry> entries) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", head.id());
            element(x, "title", head.title());
            element(x, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    entries.isEmpty() ? OffsetDateTime.now() : entries.get(0).updated()));
            link(x, head.self(), "self");
            link(x, head.alternate(), "alternate");
            for (Entry e : entries) {
                x.writeStartElement("entry");
                element(x, "id", e.id());
                element(x, "title", e.title());
                link(x, e.link(), "alternate");
                element(x, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.updated()));
                x.writeStartElement("author");
                element(x, "name", head.author());
                x.writeEndElement();
                x.writeEmptyElement("category");
                x.writeAttribute("term", e.category());
                element(x, "summary", e.summary() == null ? "" : e.summary());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
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
