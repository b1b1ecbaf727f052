package cn.pujin.open.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page, as each role that uses it, in a real Chromium laid out as a 360 px phone: it is not the error page, the
 * Content-Security-Policy blocks none of its scripts, nothing is wider than the screen (the page, and each of its
 * dialogs opened — which takes the whole screen), and axe-core (Deque) finds no critical or serious WCAG 2.1 A/AA
 * violation on the page or in a dialog.
 */
class EveryPageIT {

    /** Elements sticking out of the screen that no scrolling container holds: "tag#id.class (right edge)". */
    static final String OVERFLOW = """
            const vw = document.documentElement.clientWidth;
            const out = [];
            if (document.documentElement.scrollWidth > vw + 1) out.push('page ' + document.documentElement.scrollWidth + 'px');
            for (const el of document.querySelectorAll(arguments[0])) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || r.right <= vw + 1 && r.left >= -1 || r.right <= 0) continue; // off-screen on purpose (skip link)
              let held = false;
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const o = getComputedStyle(a).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { held = a.getBoundingClientRect().right <= vw + 1; break; }
              }
              if (!held) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(r.left) + '..' + Math.round(r.right) + 'px)');
              if (out.length > 6) break;
            }
            return out;""";

    /**
     * The board with something on every page: a published public message, one of citizen1 acknowledged and with the
     * demo's handler, one answered and waiting for review, an FAQ entry in review and a published investigation.
     */
    static SiteMap.Board board() {
        Api organiser = Api.as("organiser");
        Api reviewer = Api.as("reviewer");
        Api handler = Api.as("handler");
        long department = organiser.get("/api/v1/departments").expect(200).items().stream().map(d -> d.asJsonObject())
                .filter(d -> d.getString("name").equals("街道办公室")).mapToLong(Fixtures::id).findFirst().orElseThrow();
        long topic = MessagesIT.topic("手机适配主题");
        long[] ids = new long[3];
        String[] texts = {"手机适配：社区食堂的营业时间是几点到几点？", "手机适配：小区东门的人行道能否加装无障碍坡道，方便轮椅通行？",
                "手机适配：周末能否在社区事务受理中心办理居住证？"};
        for (int i = 0; i < 3; i++) {
            ids[i] = Fixtures.id(MessagesIT.message(Api.as("citizen1"), texts[i], topic, true));
            organiser.post("/api/v1/messages/" + ids[i] + "/acknowledge", Json.createObjectBuilder().add("templated", true).build()).expect(200);
            organiser.post("/api/v1/messages/" + ids[i] + "/assign", Json.createObjectBuilder().add("departmentId", department).build()).expect(200);
        }
        for (int i = 0; i < 2; i++) {
            handler.post("/api/v1/messages/" + ids[i] + "/answer", Json.createObjectBuilder().add("outcome", "ADOPTED")
                    .add("reason", "已按规定办理，具体安排已在社区公告栏公布。").build()).expect(200);
        }
        reviewer.post("/api/v1/messages/" + ids[0] + "/publish").expect(200);
        organiser.post("/api/v1/faq", Json.createObjectBuilder().add("topicId", topic).add("question", "社区食堂几点营业？")
                .add("answer", "社区食堂每天 11:00 至 13:00、17:00 至 19:00 营业。")
                .add("messageIds", Json.createArrayBuilder().add(ids[0])).build()).expect(201);
        long investigation = Fixtures.id(organiser.post("/api/v1/topics/" + topic + "/investigations",
                Json.createObjectBuilder().add("title", "手机适配专题调查").build()).expect(201).json());
        organiser.put("/api/v1/investigations/" + investigation, Json.createObjectBuilder().add("findings", "走访两个小区。")
                .add("conclusion", "增设无障碍坡道两处，年内完成。").build()).expect(200);
        organiser.post("/api/v1/investigations/" + investigation + "/submit").expect(200);
        reviewer.post("/api/v1/investigations/" + investigation + "/publish").expect(200);
        return new SiteMap.Board(ids[0], ids[2], investigation);
    }

    @Test
    void everyPageAndDialogFitsA360PxPhoneAndPassesAxe() {
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("手机适配"), 9)));
        long meeting = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("手机适配会议"), 20)
                .add("kind", "DECISION_MEETING").add("capacity", 5)));
        long majorDecision = Fixtures.id(MajorDecisionsIT.published(Fixtures.unique("手机适配决策事项")));
        JsonObject open = ConsultationsIT.published(ConsultationsIT.draft(Fixtures.unique("手机适配征求意见"), 10));
        long consultation = Fixtures.id(open);
        long shown = Fixtures.id(ConsultationsIT.comment(Api.as("citizen1"), consultation, ConsultationsIT.paragraph(open, 2),
                "第二条的适用范围建议写明是否包括商住混合楼。"));
        Api.as("reviewer").post("/api/v1/consultation-comments/" + shown + "/show").expect(200);
        long step = Fixtures.id(Api.as("organiser").post("/api/v1/major-decisions/" + majorDecision + "/steps",
                MajorDecisionsIT.step("COLLECTIVE_DECISION").add("eventId", meeting).build()).expect(201).json());
        Api.as("reviewer").post("/api/v1/major-decision-steps/" + step + "/publish").expect(200);
        // and one waiting, so the review page shows its publish button
        Api.as("organiser").post("/api/v1/major-decisions/" + majorDecision + "/steps", MajorDecisionsIT.step("EVALUATION").build())
                .expect(201);
        Map<String, List<String>> pages = SiteMap.pages(event, meeting, majorDecision, consultation, board());
        // three phones at once, each walking some of the roles (the walk is mostly waiting for pages and axe), about as many
        // pages each
        List<List<String>> groups = List.of(List.of(""), List.of("organiser", "reviewer"), List.of("citizen1", "handler", "admin"));
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(groups.size());
        try {
            List<CompletableFuture<Void>> phones = groups.stream().map(roles -> CompletableFuture.runAsync(() -> walk(pages.entrySet()
                    .stream().filter(r -> roles.contains(r.getKey())).toList(), problems), threads)).toList();
            phones.forEach(CompletableFuture::join);
        } finally {
            threads.shutdown();
        }
        assertEquals(List.of(), problems, "pages that overflow a 360 px phone or fail axe-core");
    }

    /** Each role's pages at 360 px: signs in as the role (none for ""), checks every page and its dialogs. */
    static void walk(List<Map.Entry<String, List<String>>> roles, List<String> problems) {
        try (Browser b = new Browser(1280, 900)) {
            b.phone(360, 780);
            for (Map.Entry<String, List<String>> role : roles) {
                if (!role.getKey().isEmpty()) {
                    b.signIn(role.getKey(), Api.PASSWORD);
                }
                for (String page : role.getValue()) {
                    String where = (role.getKey().isEmpty() ? "anonymous" : role.getKey()) + " " + page;
                    b.open(page);
                    b.find(By.tagName("footer"));
                    if (!b.driver.findElements(By.id("error-page")).isEmpty()) {
                        problems.add(where + ": the error page");
                    }
                    check(b, where, "body", problems);
                    // the main menu wraps rather than hiding entries off the edge; a tab strip that scrolls starts at its
                    // current tab
                    String hidden = (String) ((JavascriptExecutor) b.driver).executeScript("""
                            const out = [...document.querySelectorAll('.site-nav a')]
                                .filter(a => a.getBoundingClientRect().right > innerWidth + 1).map(a => 'menu ' + a.textContent.trim());
                            for (const strip of document.querySelectorAll('.tabs')) {
                              const active = strip.querySelector('a.active');
                              if (!active) continue;
                              const s = strip.getBoundingClientRect(), t = active.getBoundingClientRect();
                              if (t.left < s.left - 1 || t.right > s.right + 1) out.push('tab ' + active.textContent.trim());
                            }
                            return out.join(', ');""");
                    if (!hidden.isEmpty()) {
                        problems.add(where + ": off the screen: " + hidden);
                    }
                    for (String dialog : dialogs(b)) {
                        show(b, dialog, true);
                        check(b, where + " dialog " + dialog, "[id=\"" + dialog + "\"]", problems);
                        String size = (String) ((JavascriptExecutor) b.driver).executeScript("""
                                const r = document.getElementById(arguments[0]).getBoundingClientRect();
                                const full = r.left <= 1 && r.top <= 1 && r.width >= innerWidth - 2 && r.height >= innerHeight - 2;
                                return full ? '' : Math.round(r.left) + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)
                                    + ' on ' + innerWidth + 'x' + innerHeight;""", dialog);
                        if (!size.isEmpty()) {
                            problems.add(where + " dialog " + dialog + ": not full-screen on a phone: " + size);
                        }
                        show(b, dialog, false);
                    }
                    b.cspViolations().forEach(v -> problems.add(where + ": blocked by the Content-Security-Policy: " + v));
                }
                if (role.getKey().equals("admin")) {
                    // a PrimeFaces dialog opened by an ajax call: handlers moved out of the markup still run
                    b.open("/admin/accounts.xhtml");
                    b.click(By.cssSelector("#accounts\\:table button"));
                    b.find(By.id("rolesForm:saveRoles"));
                    check(b, "admin roles dialog", "[id=\"rolesForm:saveRoles\"]", problems);
                    b.cspViolations().forEach(v -> problems.add("admin roles dialog: blocked by the Content-Security-Policy: " + v));
                }
                b.driver.manage().deleteAllCookies(); // the next role starts anonymous
            }
        }
    }

    /** Overflow and axe-core within {@code scope} (a CSS selector: the page's body or a dialog). */
    static void check(Browser b, String where, String scope, List<String> problems) {
        @SuppressWarnings("unchecked")
        List<String> overflowing = (List<String>) ((JavascriptExecutor) b.driver).executeScript(OVERFLOW, scope + " *");
        if (!overflowing.isEmpty()) {
            problems.add(where + ": wider than 360 px: " + overflowing);
        }
        AxeBuilder builder = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).disableIframeTesting();
        if (!"body".equals(scope)) {
            builder.include(scope); // the page around it was checked already
        }
        Results axe = builder.analyze(b.driver);
        for (Rule rule : axe.getViolations()) {
            if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
                problems.add(where + ": axe " + rule.getImpact() + " " + rule.getId() + " — " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
    }

    /** The ids of the page's PrimeFaces dialogs. */
    @SuppressWarnings("unchecked")
    static List<String> dialogs(Browser b) {
        // the global confirm dialogs are PrimeFaces' own and empty until a button asks something: not opened alone
        return (List<String>) ((JavascriptExecutor) b.driver).executeScript("""
                return window.PrimeFaces ? Object.values(PrimeFaces.widgets)
                    .filter(w => w && PrimeFaces.widget.Dialog && w instanceof PrimeFaces.widget.Dialog
                        && !(PrimeFaces.widget.ConfirmDialog && w instanceof PrimeFaces.widget.ConfirmDialog)).map(w => w.id) : [];""");
    }

    static void show(Browser b, String dialog, boolean open) {
        ((JavascriptExecutor) b.driver).executeScript("""
                const w = Object.values(PrimeFaces.widgets).find(w => w && w.id === arguments[0]);
                if (arguments[1]) { w.show(); } else { w.hide(); }""", dialog, open);
        try {
            Thread.sleep(400); // the dialog's fade
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
