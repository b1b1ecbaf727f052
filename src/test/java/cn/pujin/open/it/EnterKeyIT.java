package cn.pujin.open.it;

import org.openqa.selenium.JavascriptExecutor;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enter in every search field of the staff pages searches, and nothing else: it never reveals a phone number (and
 * writes no reveal to the audit log), never approves what is ticked, never opens another row's dialog, never
 * invites. Forms without a default button ignore Enter in a one-line field.
 */
class EnterKeyIT {

    private static final String STATEMENT = "我住在加装电梯试点小区，家中有行动不便的老人，希望就推进方案发表意见。";

    private static long reveals(long registration) {
        return Api.as("admin").get("/api/v1/audit?entityType=registration&entityId=" + registration + "&action=registration.revealPhone")
                .expect(200).json().getJsonNumber("total").longValue();
    }

    private static boolean dialogOpen(Browser b) {
        return b.driver.findElements(By.cssSelector(".ui-dialog")).stream().anyMatch(WebElement::isDisplayed);
    }

    private static void enter(Browser b, String id, String text) {
        b.type(id, text);
        b.find(By.id(id)).sendKeys(Keys.ENTER);
    }

    /** Waits for the ajax round trip (PrimeFaces' queue empty) after Enter or a click. */
    private static void settle(Browser b) {
        for (int i = 0; i < 50; i++) {
            Object busy = ((JavascriptExecutor) b.driver).executeScript(
                    "return window.PrimeFaces && PrimeFaces.ajax && !PrimeFaces.ajax.Queue.isEmpty();");
            if (!Boolean.TRUE.equals(busy)) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void enterInEverySearchFieldSearchesAndDoesNothingElse() {
        String name = "回车测试" + (System.nanoTime() % 10_000);
        long openDay = id(Fixtures.published(openDay(unique("回车开放日"), 20)));
        Api.Citizen registrant = Api.newCitizen(name);
        long registration = PassesIT.register(registrant, openDay);
        long meeting = id(Fixtures.published(openDay(unique("回车会议"), 20).add("kind", "DECISION_MEETING").add("capacity", 3)));
        long application = id(registrant.api().post("/api/v1/events/" + meeting + "/registrations", Json.createObjectBuilder()
                .add("category", "RESIDENT").add("statement", STATEMENT).build()).expect(201).json());

        try (Browser b = new Browser(1280, 900)) {
            b.journey("enter-staff", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/registrations.xhtml?event=" + openDay);
                enter(b, "registrations:text", name);
                settle(b);
                assertFalse(b.text().contains(registrant.phone()), "Enter revealed the phone number");
                assertEquals(0, reveals(registration), "a reveal was written to the audit log");
                assertTrue(b.text().contains(String.format("R%06d", registration)), "the search found the registrant");

                b.open("/organiser/registrations.xhtml?event=" + meeting);
                b.find(By.cssSelector("#registrations\\:table .ui-chkbox-box")).click();
                enter(b, "registrations:text", name);
                settle(b);
                assertEquals("PENDING", registrant.api().get("/api/v1/registrations/" + application).json().getString("status"),
                        "Enter approved the ticked application");
                assertFalse(b.text().contains("请先勾选申请"), b.text());

                b.open("/organiser/pool.xhtml");
                enter(b, "pool:query", "张");
                settle(b);
                assertFalse(b.text().contains("请选择会议并勾选成员"), "Enter pressed 邀请: " + b.text());
                b.screenshot("enter-pool");
                b.signOut();

                b.signIn("admin", Api.PASSWORD);
                b.open("/admin/accounts.xhtml");
                enter(b, "accounts:query", name);
                settle(b);
                assertFalse(dialogOpen(b), "Enter opened a roles dialog");
                assertTrue(b.text().contains(name), "the search found the account");
                b.open("/admin/audit.xhtml");
                enter(b, "audit:entityId", "999999999");
                settle(b);
                assertTrue(b.text().contains("没有符合条件的记录") && b.text().contains("共 0 条"), "Enter searched: " + b.text());
                b.screenshot("enter-audit");
                // where Enter should act, it does what the form's main button does: here, add the department
                String department = "回车部门" + (System.nanoTime() % 100_000);
                b.open("/admin/system.xhtml");
                enter(b, "departments:name", department);
                b.waitForText(department);
                assertTrue(Api.as("admin").get("/api/v1/departments").expect(200).body().contains(department));
                b.signOut();

                // a form without a default button: Enter in the password of "delete my account" deletes nothing
                b.signIn(registrant.phone(), "secret-pass-1");
                b.open("/me/");
                enter(b, "deletion:password", "secret-pass-1");
                settle(b);
                assertFalse(dialogOpen(b), "Enter started the deletion");
                registrant.api().get("/api/v1/me").expect(200);
            });
        }
    }
}
