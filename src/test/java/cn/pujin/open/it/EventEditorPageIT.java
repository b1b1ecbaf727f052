package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agenda of a meeting through the editor's dialog: add an item, edit it with a material, remove a material row. */
class EventEditorPageIT {

    @Test
    void anOrganiserAddsAndEditsAgendaItemsThroughTheDialog() throws IOException {
        long meeting = id(Api.as("organiser").post("/api/v1/events",
                openDay(unique("议题编辑会议"), 30).add("kind", "DECISION_MEETING").add("capacity", 5).build()).expect(201).json());
        Path dir = Files.createTempDirectory("materials");
        Path pdf = Files.write(dir.resolve("议程说明.pdf"), "%PDF-1.4\n%议程\n".getBytes(StandardCharsets.UTF_8));
        try (Browser b = new Browser(390, 844)) {
            b.journey("agenda-dialog", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/event.xhtml?id=" + meeting);
                b.click(By.id("editor:addItem"));
                b.type("itemForm:itemTitle", "老旧小区加装电梯补贴方案");
                b.type("itemForm:itemSummary", "补贴标准与申请流程");
                b.screenshot("agenda-1-dialog-phone");
                b.click(By.id("itemForm:saveItem"));
                b.waitForText("老旧小区加装电梯补贴方案");

                b.click(By.cssSelector("#editor\\:items button[title='编辑议题']"));
                b.find(By.id("itemForm:itemTitle"));
                b.click(By.xpath("//form[@id='itemForm']//button[contains(., '添加材料')]"));
                By urls = By.cssSelector("#itemForm\\:materials input[placeholder='https://']");
                for (int i = 0; i < 100 && b.driver.findElements(urls).size() < 2; i++) {
                    sleep();
                }
                sleep();
                b.driver.findElements(By.cssSelector("#itemForm\\:materials input[placeholder]")).get(0).sendKeys("补贴方案（征求意见稿）");
                b.driver.findElements(By.cssSelector("#itemForm\\:materials input[placeholder='https://']")).get(0)
                        .sendKeys("https://www.pujin.example.cn/docs/elevator.pdf");
                b.click(By.xpath("(//div[@id='itemForm:materials']//button)[last()]"));
                b.click(By.id("itemForm:saveItem"));
                b.waitForText("补贴方案（征求意见稿）");
                assertTrue(b.text().contains("会议材料须于"), "the materials rule is shown: " + b.text());

                // a file uploaded in the dialog becomes a material of the item
                b.click(By.cssSelector("#editor\\:items button[title='编辑议题']"));
                b.find(By.id("itemForm:itemTitle"));
                b.driver.findElement(By.cssSelector("#itemForm input[type=file]")).sendKeys(pdf.toString());
                for (int i = 0; i < 100 && b.driver.findElements(By.cssSelector("#itemForm\\:materials input[value='议程说明']")).isEmpty(); i++) {
                    sleep();
                }
                b.screenshot("agenda-2-uploaded-phone");
                b.click(By.id("itemForm:saveItem"));
                b.waitForText("议程说明");
            });
        }
        JsonObject saved = Api.as("organiser").get("/api/v1/events/" + meeting).expect(200).json();
        assertEquals(1, saved.getJsonArray("agendaItems").size());
        JsonObject item = saved.getJsonArray("agendaItems").getJsonObject(0);
        assertEquals("老旧小区加装电梯补贴方案", item.getString("title"));
        assertEquals(2, item.getJsonArray("materials").size(), "the filled row and the uploaded file; the empty row was removed");
        assertTrue(item.getJsonArray("materials").getJsonObject(1).getString("url").contains("/api/v1/materials/"), item.toString());
    }

    @Test
    void anOrganiserCopiesAnEventAndCreatesAWeeklySeriesFromOneForm() {
        String source = unique("可复制的会议");
        long meeting = id(Api.as("organiser").post("/api/v1/events",
                openDay(source, 30).add("kind", "DECISION_MEETING").add("capacity", 5).build()).expect(201).json());
        Api.as("organiser").post("/api/v1/events/" + meeting + "/agenda-items", Json.createObjectBuilder()
                .add("title", "社区停车管理办法").add("summary", "收费标准").build()).expect(201);
        String series = unique("每周开放日");
        LocalDateTime start = LocalDateTime.now(Fixtures.SHANGHAI).plusDays(9).withHour(14).withMinute(0).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter typed = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        try (Browser b = new Browser(1280, 1000)) {
            b.journey("copy-and-series", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/event.xhtml?id=" + meeting);
                b.click(By.id("editor:copyEvent"));
                b.waitForText("已复制为新的草稿");
                long copy = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
                JsonObject copied = Api.as("organiser").get("/api/v1/events/" + copy).expect(200).json();
                assertEquals(source + "（副本）", copied.getString("title"), "a copy is told apart from its source");
                assertEquals("DRAFT", copied.getString("status"));
                assertEquals("社区停车管理办法", copied.getJsonArray("agendaItems").getJsonObject(0).getString("title"));

                b.open("/organiser/event.xhtml");
                b.type("editor:title", series);
                b.type("editor:venue", "浦锦街道党群服务中心");
                b.typeDate("editor:startsAt_input", typed.format(start));
                b.typeDate("editor:endsAt_input", typed.format(start.plusHours(2)));
                b.select("editor:repeat", "每周同一时间");
                b.type("editor:repeatCount_input", "3");
                b.screenshot("series-form");
                b.click(By.id("editor:save"));
                b.waitForText("已创建 3 场开放日草稿");
                assertTrue(b.text().contains(series), "the drafts are listed on the organiser's page");
            });
        }
    }

    @Test
    void aSeriesIsOpenDaysOnlyBetweenTwoAndTwelveAndEachOneIsItsOwnDraft() {
        Api organiser = Api.as("organiser");
        JsonObject week = organiser.post("/api/v1/events/series", Json.createObjectBuilder()
                .add("event", openDay(unique("按月开放日"), 10)).add("repeat", "MONTHLY").add("count", 3).build()).expect(201).json();
        var items = week.getJsonArray("items");
        assertEquals(3, items.size());
        OffsetDateTime first = OffsetDateTime.parse(items.getJsonObject(0).getString("startsAt"));
        assertEquals(first.plusMonths(2).toInstant(), OffsetDateTime.parse(items.getJsonObject(2).getString("startsAt")).toInstant());
        assertEquals("DRAFT", items.getJsonObject(1).getString("status"));
        assertEquals(List.of("count"), organiser.post("/api/v1/events/series", Json.createObjectBuilder()
                .add("event", openDay("一场", 10)).add("repeat", "WEEKLY").add("count", 1).build()).errorFields());
        assertEquals(List.of("event.kind"), organiser.post("/api/v1/events/series", Json.createObjectBuilder()
                .add("event", openDay("会议", 10).add("kind", "DECISION_MEETING")).add("repeat", "WEEKLY").add("count", 2).build())
                .errorFields());
        organiser.post("/api/v1/events/999999999/copy").problem(404, "NOT_FOUND");
        Api.as("citizen1").post("/api/v1/events/series", Json.createObjectBuilder().build()).problem(403, "FORBIDDEN");
    }

    @Test
    void aDateErrorStandsUnderTheFieldThePersonTyped() {
        DateTimeFormatter typed = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime yesterday = LocalDateTime.now(Fixtures.SHANGHAI).minusDays(1).withHour(9).withMinute(30);
        try (Browser b = new Browser(1280, 900)) {
            b.journey("date-error-field", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/event.xhtml");
                b.type("editor:title", Fixtures.unique("昨天的活动"));
                b.type("editor:venue", "浦锦街道党群服务中心");
                b.typeDate("editor:startsAt_input", typed.format(yesterday));
                b.typeDate("editor:endsAt_input", typed.format(yesterday.plusHours(2)));
                b.click(By.id("editor:save"));
                FieldText start = new FieldText(b, "editor:startsAt");
                b.waitForText("活动开始时间已过");
                assertTrue(start.fieldText().contains("活动开始时间已过"), "under the start: " + start.fieldText());
                assertFalse(new FieldText(b, "editor:registrationClosesAt").fieldText().contains("已过"),
                        "not under the closing time nobody typed");
                b.screenshot("date-error-under-start");
            });
        }
    }

    @Test
    void aPublishedEventsStartCannotBeMovedIntoThePastAndTheFailedSaveKeepsThePage() {
        long id = id(Fixtures.published(openDay(unique("不能挪到过去"), 5)));
        DateTimeFormatter typed = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime yesterday = LocalDateTime.now(Fixtures.SHANGHAI).minusDays(1).withHour(9).withMinute(30);
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("past-start-refused", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/event.xhtml?id=" + id);
                b.typeDate("editor:startsAt_input", typed.format(yesterday));
                b.click(By.id("editor:save"));
                b.waitForText("活动开始时间已过：请填写将来的时间");
                // the message is brought into view with its field focused, and the address still names the event
                b.waitUntil(() -> "editor:startsAt_input".equals(b.driver.switchTo().activeElement().getAttribute("id")));
                assertTrue(b.driver.getCurrentUrl().endsWith("/organiser/event.xhtml?id=" + id), b.driver.getCurrentUrl());
                b.screenshot("past-start-refused-phone");
            });
        }
        assertEquals(OffsetDateTime.parse(openDay("x", 5).build().getString("startsAt")).toInstant(),
                OffsetDateTime.parse(Api.anonymous().get("/api/v1/events/" + id).json().getString("startsAt")).toInstant(), "unchanged");
    }

    @Test
    void theOrganisersListFiltersByStatusAndSortsByStart() {
        String later = unique("排序最晚");
        String earlier = unique("排序次晚");
        Api organiser = Api.as("organiser");
        organiser.post("/api/v1/events", openDay(earlier, 700).build()).expect(201);
        organiser.post("/api/v1/events", openDay(later, 701).build()).expect(201);
        try (Browser b = new Browser(1280, 900)) {
            b.journey("organiser-list", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/");
                assertEquals("全部", b.find(By.id("events:status_label")).getText(), "the filter starts at 全部");
                b.select("events:status", "已发布");
                b.waitUntil(() -> !b.find(By.id("events:table")).getText().contains(later));
                assertFalse(b.find(By.id("events:table")).getText().contains("草稿"), "only published events");
                b.select("events:status", "全部");
                // ordered by start, latest first: the two drafts of two years ahead lead
                b.select("events:order", "开始时间：由晚到早");
                b.waitUntil(() -> firstTitles(b).size() >= 2 && firstTitles(b).get(0).equals(later));
                assertEquals(List.of(later, earlier), firstTitles(b).subList(0, 2));
                b.screenshot("organiser-list-sorted");
            });
        }
    }

    private static List<String> firstTitles(Browser b) {
        return b.driver.findElements(By.cssSelector("[id='events:table'] tbody tr td:first-child a")).stream()
                .map(a -> a.getText().strip()).limit(3).toList();
    }

    /** The text of the form field (label, input, hint, message) around an input. */
    private record FieldText(Browser b, String id) {
        String fieldText() {
            return b.driver.findElement(By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'field')][1]")).getText();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
