package cn.pujin.open.it;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.By;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin: the audit log as CSV (filters applied, itself audited), departments, stations and configuration without secrets. */
class AdminIT {

    @Test
    void auditCsvFollowsTheFiltersAndOnlyAdminsTakeIt() {
        Api.as("organiser").get("/api/v1/audit/export.csv").problem(403, "FORBIDDEN");
        Api.anonymous().get("/api/v1/audit/export.csv").problem(401, "UNAUTHENTICATED");
        byte[] bytes = Api.as("admin").bytes("/api/v1/audit/export.csv?entityType=account");
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("id,at,actorId,entityType,entityId,action,fromState,toState,reason,changed", lines.get(0));
        assertTrue(lines.size() > 1 && lines.stream().skip(1).allMatch(l -> l.split(",")[3].equals("account")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("account.create")));
        Api.as("admin").get("/api/v1/audit/export.csv?entityId=abc").problem(400, "VALIDATION_FAILED");
        assertTrue(Api.as("admin").get("/api/v1/audit?entityType=audit").expect(200).json().getInt("total") >= 1,
                "taking a copy of the audit log is audited");
    }

    @Test
    void systemPageListsDepartmentsStationsAndSettingsButNoSecret() {
        try (Browser b = new Browser(1280, 900)) {
            b.journey("admin-system", () -> {
                b.signIn("admin", "Demo#2026");
                b.open("/admin/system.xhtml");
                b.waitForText("配置概览");
                String text = b.text();
                assertTrue(text.contains("街道办公室"), "departments");
                assertTrue(text.contains("PASS_KEY_SECRET") && text.contains("公开演示值"), "the demo secret is flagged, not shown");
                assertTrue(text.contains("CLOCK_CONTROL"));
                assertFalse(b.driver.getPageSource().contains("ZGVtby1wYXNzLWtleXMtTk9ULUZPUi1QUk9EVUNUTiE="),
                        "the secret's value never reaches the page");
                b.screenshot("admin-system");
            });
        }
    }

    @Test
    void theAuditPageSaysWhatHappenedInWords() {
        Api.newCitizen("审计读者");
        String title = Fixtures.unique("审计里的活动");
        long event = Fixtures.id(Api.as("organiser").post("/api/v1/events", Fixtures.openDay(title, 9).build()).expect(201).json());
        long version = Api.as("organiser").get("/api/v1/events/" + event).json().getJsonNumber("version").longValue();
        Api.as("organiser").put("/api/v1/events/" + event, Fixtures.openDay(title + "（改）", 10).add("version", version).build())
                .expect(200);
        try (Browser b = new Browser(1280, 900)) {
            b.journey("admin-audit", () -> {
                b.signIn("admin", "Demo#2026");
                b.open("/admin/audit.xhtml");
                b.waitForText("注册账号");
                String table = b.find(By.id("audit:entries")).getText();
                assertTrue(table.contains("账号 #"), "objects by their names: " + table);
                assertFalse(table.contains("account.signUp"), "no action codes: " + table);
                assertFalse(table.contains("PUBLISHED/") || table.contains("REVISION_IN_REVIEW"), "no state codes");
                // the notes column is readable: as wide as at least a few words
                Number width = (Number) ((JavascriptExecutor) b.driver).executeScript(
                        "const c = document.querySelector('td.audit-reason'); return c ? c.getBoundingClientRect().width : 999;");
                assertTrue(width.doubleValue() >= 150, "the notes column has room: " + width);
                b.screenshot("admin-audit");

                // an edit names the event and the fields it changed; the action is chosen by its words
                b.select("audit:action", "活动 · 修改");
                b.type("audit:entityId", String.valueOf(event));
                b.click(By.id("audit:search"));
                b.waitForText("修改：标题、摘要、开始时间、结束时间、报名截止时间");
                // the unfiltered table may hold that edit too: wait for the filtered one to replace it
                b.waitUntil(() -> !b.find(By.id("audit:entries")).getText().contains("创建"));
                String edits = b.find(By.id("audit:entries")).getText();
                assertTrue(edits.contains("活动 #" + event + " " + title + "（改）"), "the event by its title: " + edits);
                assertFalse(edits.contains("创建"), "only edits: " + edits);
                b.screenshot("admin-audit-edit");
            });
        }
    }
}
