package cn.pujin.open.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages run under {@code script-src 'self' 'nonce-…'}: no inline script without the page's nonce, and walking every
 * page as the role that uses it, with a PrimeFaces dialog and an ajax update on the way, blocks nothing.
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

    @Test
    void walkingEveryPageAsItsRoleBlocksNoScript() {
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("脚本策略巡检"), 9)));
        Map<String, List<String>> pages = Map.of(
                "", List.of("/", "/events/", "/events/detail.xhtml?id=" + event, "/open/", "/open/stats.xhtml", "/open/feedback.xhtml",
                        "/privacy.xhtml", "/login.xhtml", "/signup.xhtml"),
                "citizen1", List.of("/me/", "/me/registrations.xhtml", "/me/passes.xhtml", "/me/suggestions.xhtml"),
                "organiser", List.of("/organiser/", "/organiser/event.xhtml?id=" + event, "/organiser/registrations.xhtml?event=" + event,
                        "/organiser/suggestions.xhtml", "/organiser/pool.xhtml", "/organiser/checkin/summary.xhtml?event=" + event),
                "reviewer", List.of("/review/", "/review/suggestions.xhtml"),
                "handler", List.of("/handler/"),
                "admin", List.of("/admin/accounts.xhtml", "/admin/audit.xhtml", "/admin/calendar.xhtml", "/admin/retention.xhtml",
                        "/admin/system.xhtml"));
        List<String> blocked = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        try (Browser b = new Browser(1280, 900)) {
            for (var role : pages.entrySet()) {
                if (!role.getKey().isEmpty()) {
                    b.signIn(role.getKey(), Api.PASSWORD);
                }
                for (String page : role.getValue()) {
                    b.open(page);
                    b.find(By.tagName("footer"));
                    b.cspViolations().forEach(v -> blocked.add(role.getKey() + " " + page + ": " + v));
                    if (!b.driver.findElements(By.id("error-page")).isEmpty()) {
                        broken.add(role.getKey() + " " + page + ": the error page");
                    }
                    // the same page with the same session, as a status code
                    var cookie = b.driver.manage().getCookieNamed("JSESSIONID");
                    Api.Response r = (cookie == null ? Api.anonymous() : Api.anonymous().with("Cookie", "JSESSIONID=" + cookie.getValue()))
                            .get(page);
                    if (r.status() != 200 || r.body().contains("id=\"error-page\"")) {
                        broken.add(role.getKey() + " " + page + ": " + r.status());
                    }
                }
                if (role.getKey().equals("admin")) {
                    // a PrimeFaces dialog opened by an ajax call: handlers moved out of the markup still run
                    b.open("/admin/accounts.xhtml");
                    b.click(By.cssSelector("#accounts\\:table button"));
                    b.find(By.id("rolesForm:saveRoles"));
                    assertTrue(b.driver.findElement(By.id("rolesForm:saveRoles")).isDisplayed(), "the dialog opened");
                    b.cspViolations().forEach(v -> blocked.add("admin dialog: " + v));
                    b.open("/admin/system.xhtml");
                }
                if (!role.getKey().isEmpty()) {
                    b.signOut();
                }
            }
        }
        assertEquals(List.of(), blocked);
        assertEquals(List.of(), broken, "every page of the walk answers 200 and is not the error page");
    }
}
