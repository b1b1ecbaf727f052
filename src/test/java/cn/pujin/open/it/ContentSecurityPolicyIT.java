package cn.pujin.open.it;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages run under {@code script-src 'self' 'nonce-…'}: no inline script without the page's nonce, a new nonce for
 * every response. Walking every page as the role that uses it, dialogs opened, blocks nothing: {@link EveryPageIT}.
 */
class ContentSecurityPolicyIT {

    static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'");
    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>");

    @Test
    void everyInlineScriptCarriesTheNonceOfItsResponse() {
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("脚本策略"), 9)));
        for (String page : List.of("/", "/events/", "/events/detail.xhtml?id=" + event, "/open/", "/open/stats.xhtml", "/login.xhtml", "/signup.xhtml")) {
            Api.Response r = Api.anonymous().get(page).expect(200);
            String policy = String.join(", ", r.headers().allValues("Content-Security-Policy"));
            Matcher nonce = NONCE.matcher(policy);
            assertTrue(nonce.find(), page + ": " + policy);
            assertTrue(!policy.contains("unsafe-inline"), page + ": " + policy);
            Matcher script = INLINE_SCRIPT.matcher(r.body());
            int inline = 0;
            while (script.find()) {
                inline++;
                assertTrue(script.group(1).contains("nonce=\"" + nonce.group(1) + "\""), page + " has an inline script without the nonce: " + script.group());
            }
            assertTrue(inline > 0, page + " has PrimeFaces' inline scripts, all with the nonce");
            // a new nonce for every response
            Matcher again = NONCE.matcher(String.join(", ", Api.anonymous().get(page).headers().allValues("Content-Security-Policy")));
            assertTrue(again.find() && !again.group(1).equals(nonce.group(1)), page);
        }
    }
}
