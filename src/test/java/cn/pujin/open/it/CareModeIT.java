package cn.pujin.open.it;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 关怀模式 on a phone, switched on from the page as a person does: text of at least 18 px with line height ≥ 1.5, every
 * button, field and menu link at least 44 px, no decoration, contrast that axe-core passes; remembered from page to page
 * and in English; switched off again. And a keyboard-only visitor signs in and registers for an event.
 */
class CareModeIT {

    /** Visible text under 18 px, line heights under 1.5, and targets smaller than 44 px: descriptions of each. */
    static final String MEASURE = """
            const out = { small: [], tight: [], targets: [] };
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            for (const e of document.querySelectorAll('main *, header *, footer *')) {
              if (!visible(e)) continue;
              const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
              const cs = getComputedStyle(e);
              if (own && parseFloat(cs.fontSize) < 18) out.small.push(name(e) + ' ' + cs.fontSize);
              if (own && cs.display !== 'inline' && cs.lineHeight !== 'normal' && parseFloat(cs.lineHeight) / parseFloat(cs.fontSize) < 1.5) out.tight.push(name(e) + ' ' + cs.lineHeight + '/' + cs.fontSize);
            }
            for (const e of document.querySelectorAll('button, .ui-button, input:not([type=hidden]), select, .ui-selectonemenu, .site-nav a, .header-tools a, .care-switch, .lang-switch')) {
              if (!visible(e) || e.closest('.ui-helper-hidden-accessible')) continue;
              const r = e.getBoundingClientRect();
              if (r.height < 44 - 0.5 || r.width < 44 - 0.5) out.targets.push(name(e) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
            }
            return out;""";

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> measure(Browser b) {
        return (Map<String, List<String>>) ((JavascriptExecutor) b.driver).executeScript(MEASURE);
    }

    static boolean care(Browser b) {
        return (Boolean) ((JavascriptExecutor) b.driver).executeScript("return document.documentElement.classList.contains('care');");
    }

    @Test
    void careModeIsSwitchedOnRememberedAndMeetsTheGuideline() {
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("关怀模式"), 8)));
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("care-mode", () -> {
                b.open("/");
                Map<String, List<String>> standard = measure(b);
                assertTrue(!standard.get("small").isEmpty(), "the standard page has smaller text, so the test can tell");
                b.click(By.cssSelector("a.care-switch"));
                b.waitForText("标准模式");
                assertTrue(care(b), "switched on");
                for (String page : List.of("/", "/events/", "/events/detail.xhtml?id=" + event, "/login.xhtml", "/open/")) {
                    b.open(page);
                    b.find(By.tagName("footer"));
                    assertTrue(care(b), page + ": remembered");
                    Map<String, List<String>> m = measure(b);
                    assertEquals(List.of(), m.get("small"), page + ": text under 18 px");
                    assertEquals(List.of(), m.get("tight"), page + ": line height under 1.5");
                    assertEquals(List.of(), m.get("targets"), page + ": targets under 44 px");
                    List<Rule> contrast = new AxeBuilder().withRules(List.of("color-contrast")).analyze(b.driver).getViolations();
                    assertEquals(List.of(), contrast.stream().filter(r -> "color-contrast".equals(r.getId())).flatMap(r -> r.getNodes().stream()).map(n -> n.getTarget() + " " + n.getFailureSummary()).toList(),
                            page + ": contrast");
                    // no decoration: no gradient; the logo stays (it says whose site this is)
                    assertEquals("none", ((JavascriptExecutor) b.driver).executeScript(
                            "const h = document.querySelector('.hero'); return h ? getComputedStyle(h).backgroundImage : 'none';"), page);
                    assertNotEquals("none", ((JavascriptExecutor) b.driver).executeScript(
                            "return getComputedStyle(document.querySelector('.brand img')).display;"), page);
                    b.screenshot("care-mode" + page.replaceAll("[/?=.]+", "-"));
                }
                // in English too
                b.click(By.cssSelector("a.lang-switch"));
                b.waitForText("Standard mode");
                assertTrue(care(b), "still on in English");
                assertEquals(List.of(), measure(b).get("small"), "English text under 18 px");
                b.screenshot("care-mode-english");
                b.click(By.cssSelector("a.care-switch"));
                b.waitForText("Care mode");
                assertTrue(!care(b), "switched off");
                b.click(By.cssSelector("a.lang-switch"));
                b.waitForText("关怀模式");
            });
        }
    }

    @Test
    void aKeyboardOnlyVisitorSignsInAndRegisters() {
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("键盘报名"), 8)));
        Api.Citizen citizen = Api.newCitizen("键盘用户");
        try (Browser b = new Browser(1280, 900)) {
            b.journey("keyboard", () -> {
                b.open("/events/detail.xhtml?id=" + event);
                // the first Tab reaches the skip link, which moves on to the page's content
                active(b).sendKeys(Keys.TAB);
                assertTrue(active(b).getAttribute("class").contains("skip-link"), "the skip link comes first");
                tabTo(b, "a.button[href*='login.xhtml']").sendKeys(Keys.ENTER);
                b.waitForUrl("login.xhtml");
                tabTo(b, "input[id='login:name']").sendKeys(citizen.phone());
                active(b).sendKeys(Keys.TAB);
                active(b).sendKeys("secret-pass-1", Keys.ENTER);
                b.waitForText("报名");
                b.waitForUrl("detail.xhtml");
                tabTo(b, "button[id='registration:register']").sendKeys(Keys.ENTER);
                b.waitForText("报名成功");
                tabTo(b, "a#passLink").sendKeys(Keys.ENTER);
                b.waitForUrl("passes.xhtml");
                b.waitForText("键盘报名");
            });
        }
    }

    static WebElement active(Browser b) {
        return b.driver.switchTo().activeElement();
    }

    /** Presses Tab until {@code css} has the focus (at most 80 times), as a keyboard user moves through a page. */
    static WebElement tabTo(Browser b, String css) {
        WebElement target = b.find(By.cssSelector(css));
        for (int i = 0; i < 80; i++) {
            if (active(b).equals(target)) {
                return target;
            }
            active(b).sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css + "; the focus is on " + active(b).getTagName() + "#" + active(b).getAttribute("id"));
    }
}
