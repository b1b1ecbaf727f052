package cn.pujin.open.platform.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Rich text from organisers is cleaned to a safe subset once, on the way in. */
public final class Html {

    private static final Safelist SAFE = Safelist.relaxed()
            .addEnforcedAttribute("a", "rel", "noopener nofollow")
            .removeProtocols("img", "src", "http");

    private Html() {}

    /** Text for an HTML element or a double-quoted attribute. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, settings);
    }

    /** Plain text of a fragment, for calendar descriptions and mail text parts. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
