package cn.pujin.open.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTest {

    static final String SITE = "https://open.pujin.example.cn";

    static String clean(String html) {
        return Html.sanitize(html, SITE);
    }

    @Test
    void imagesFromOtherOriginsAreDroppedImagesOfThisSiteStay() {
        String clean = clean("<p>图<img src=\"https://tracker.example/p.gif?u=1\" alt=\"\"><img src=\"//tracker.example/q.gif\">"
                + "<img src=\"/api/v1/events/5/photos/7.jpg\" alt=\"现场\"><img src=\"" + SITE + "/api/v1/events/5/photos/8.jpg\"></p>");
        assertFalse(clean.contains("tracker"), clean);
        assertTrue(clean.contains("src=\"/api/v1/events/5/photos/7.jpg\""), clean);
        assertTrue(clean.contains("src=\"" + SITE + "/api/v1/events/5/photos/8.jpg\""), clean);
        assertNull(clean("<img src=\"https://tracker.example/p.gif\">"), "nothing left");
    }

    @Test
    void scriptsHandlersAndJavascriptLinksAreRemoved() {
        String clean = clean("<p onclick=\"x()\">好<script>alert(1)</script></p><a href=\"javascript:alert(1)\">x</a>"
                + "<img src=\"http://evil/x.png\" onerror=\"y()\"><iframe src=\"https://a\"></iframe>");
        assertFalse(clean.contains("script"));
        assertFalse(clean.contains("onclick"));
        assertFalse(clean.contains("onerror"));
        assertFalse(clean.contains("javascript"));
        assertFalse(clean.contains("iframe"));
    }

    @Test
    void ordinaryFormattingStaysAndLinksGetRel() {
        assertEquals("<p><strong>加粗</strong></p><ul><li>一</li></ul>", clean("<p><strong>加粗</strong></p><ul><li>一</li></ul>"));
        assertEquals("<a href=\"https://example.gov.cn\" rel=\"noopener nofollow\">链接</a>",
                clean("<a href=\"https://example.gov.cn\">链接</a>"));
        assertNull(clean("   "));
        assertEquals("好 坏", Html.text("<p>好</p><p>坏</p>"));
    }
}
