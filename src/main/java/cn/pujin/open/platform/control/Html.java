package cn.pujin.open.platform.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/** Rich text from organisers is cleaned to a safe subset once, on the way in. */
public final class Html {

    private static final Safelist SAFE = Safelist.relaxed()
            .addEnforcedAttribute("a", "rel", "noopener nofollow")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true);

    private Html() {}

    /** Text for an HTML element or a double-quoted attribute. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The safe subset of {@code html}. Images stay only when they come from this site ({@code /path} or
     * {@code siteOrigin/path}): an image from another origin is loaded by every visitor's browser, which tells that
     * origin who read the page and when (a tracking pixel).
     */
    public static String sanitize(String html, String siteOrigin) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        String origin = siteOrigin.replaceAll("/+$", "");
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, origin + "/", SAFE, settings));
        for (Element img : clean.select("img")) {
            String src = img.attr("src");
            boolean local = (src.startsWith("/") && !src.startsWith("//")) || src.startsWith(origin + "/");
            if (!local) {
                img.remove();
            }
        }
        clean.outputSettings(settings);
        String body = clean.body().html();
        return body.isBlank() ? null : body;
    }

    /** Plain text of a fragment, for calendar descriptions and mail text parts. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
