package cn.pujin.open.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class HtmlTest {

    @Test
    void scriptsHandlersAndJavascriptLinksAreRemoved() {
        String clean = Html.sanitize("<p onclick=\"x()\">好<script>alert(1)</script></p><a href=\"javascript:alert(1)\">x</a>"
                + "<img src=\"http://evil/x.png\" onerror=\"y()\"><iframe src=\"https://a\"></iframe>");
        assertFalse(clean.contains("script"));
        assertFalse(clean.contains("onclick"));
        assertFalse(clean.contains("onerror"));
        assertFalse(clean.contains("javascript"));
        assertFalse(clean.contains("iframe"));
    }

    @Test
    void ordinaryFormattingStaysAndLinksGetRel() {
        assertEquals("<p><strong>加粗</strong></p><ul><li>一</li></ul>", Html.sanitize("<p><strong>加粗</strong></p><ul><li>一</li></ul>"));
        assertEquals("<a href=\"https://example.gov.cn\" rel=\"noopener nofollow\">链接</a>",
                Html.sanitize("<a href=\"https://example.gov.cn\">链接</a>"));
        assertNull(Html.sanitize("   "));
        assertEquals("好 坏", Html.text("<p>好</p><p>坏</p>"));
    }
}
