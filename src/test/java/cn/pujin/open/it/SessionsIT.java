package cn.pujin.open.it;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session ends with what ends the right to it: deleting the account, locking it, or a new password (which keeps the
 * session that set it). Before, the same session cookie kept working after {@code POST /me/deletion}: it read the
 * profile, registered for events (201), stored an e-mail address again and took a calendar token.
 */
class SessionsIT {

    @AfterEach
    void resetClock() {
        SuggestionsIT.clock(null);
    }

    /** A browser session of the citizen, as the cookie a script could replay. */
    static Api session(Api.Citizen c) {
        try (Browser b = new Browser(1280, 900)) {
            b.signIn(c.phone(), "secret-pass-1");
            Api cookie = Api.anonymous().with("Cookie", "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue())
                    .with("Origin", TestApp.get().baseUrl);
            cookie.get("/api/v1/me").expect(200);
            return cookie;
        }
    }

    /** Everything the deleted account's cookie could still do before: each is 401 now. */
    static void refusedEverywhere(Api cookie, long event) {
        cookie.get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        cookie.post("/api/v1/events/" + event + "/registrations", Json.createObjectBuilder().build()).problem(401, "UNAUTHENTICATED");
        cookie.put("/api/v1/me/email", Json.createObjectBuilder().add("email", "again@example.cn").build()).problem(401, "UNAUTHENTICATED");
        cookie.get("/api/v1/me/calendar-token").problem(401, "UNAUTHENTICATED");
    }

    @Test
    void deletingAnAccountEndsEverySessionOfItAtOnce() throws Exception {
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("注销后报名"), 20)));
        Api.Citizen c = Api.newCitizen("注销会话");
        Api first = session(c);
        Api second = session(c);
        first.post("/api/v1/me/deletion", Json.createObjectBuilder().add("password", "secret-pass-1").build()).expect(200);
        refusedEverywhere(first, event);
        refusedEverywhere(second, event);
        c.api().get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        try (var db = TestApp.get().db(); var s = db.prepareStatement("select email_cipher, deleted_at from account where id = ?")) {
            s.setLong(1, c.id());
            var row = s.executeQuery();
            row.next();
            assertEquals(null, row.getString(1), "no e-mail stored again after the deletion");
            assertTrue(row.getTimestamp(2) != null);
        }
    }

    @Test
    void aLockEndsTheSessionsOfTheAccount() {
        Api.Citizen c = Api.newCitizen("锁定会话");
        Api cookie = session(c);
        for (int i = 0; i < 5; i++) {
            Api.as(c.phone(), "wrong-" + i).from(Api.randomAddress()).get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        }
        c.api().from(Api.randomAddress()).get("/api/v1/me").problem(429, "LOGIN_LOCKED");
        cookie.get("/api/v1/me").problem(401, "UNAUTHENTICATED");
    }

    @Test
    void aNewPasswordSetOnThePageEndsTheOtherSessionsAndKeepsThisOne() {
        Api.Citizen c = Api.newCitizen("改密会话");
        Api elsewhere = session(c);
        try (Browser b = new Browser(390, 844); Browser other = new Browser(1280, 900)) {
            other.signIn(c.phone(), "secret-pass-1");
            b.journey("change-password", () -> {
                b.signIn(c.phone(), "secret-pass-1");
                b.open("/me/");
                // refused with the reason, next to the field
                change(b, "secret-pass-1", "password123", "password123");
                b.waitForText("这个密码太常见");
                change(b, "secret-pass-1", "x" + c.phone(), "x" + c.phone());
                b.waitForText("密码不能包含手机号");
                change(b, "not-my-password", "Rain-on-Pujin-7", "Rain-on-Pujin-7");
                b.waitForText("当前密码不正确");
                change(b, "secret-pass-1", "secret-pass-1", "secret-pass-1");
                b.waitForText("新密码不能与当前密码相同");
                change(b, "secret-pass-1", "Rain-on-Pujin-7", "Rain-on-Pujin-8");
                b.waitForText("两次输入的密码不一致");
                // Enter in the last field submits the change
                b.type("password:currentPassword", "secret-pass-1");
                b.type("password:newPassword", "Rain-on-Pujin-7");
                b.type("password:newPasswordRepeat", "Rain-on-Pujin-7" + Keys.ENTER);
                b.waitForText("密码已修改");
                b.screenshot("me-password-changed-phone");
                b.open("/me/registrations.xhtml");
                b.waitForText(c.name());
                assertTrue(!b.driver.getCurrentUrl().contains("login"), "this session stays signed in");
            });
            other.journey("signed-out-elsewhere", () -> {
                other.open("/me/");
                other.waitForText("您的登录已结束");
                assertTrue(other.driver.getCurrentUrl().contains("/login.xhtml"), other.driver.getCurrentUrl());
                other.screenshot("login-session-ended");
            });
        }
        elsewhere.get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        Api.as(c.phone(), "secret-pass-1").get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        Api.as(c.phone(), "Rain-on-Pujin-7").get("/api/v1/me").expect(200);
        String audit = Api.as("admin").get("/api/v1/audit?entityType=account&entityId=" + c.id()).body();
        assertTrue(audit.contains("account.password"), audit);
    }

    private static void change(Browser b, String current, String replacement, String repeated) {
        b.type("password:currentPassword", current);
        b.type("password:newPassword", replacement);
        b.type("password:newPasswordRepeat", repeated);
        b.click(By.id("password:changePassword"));
    }

    @Test
    void theApiChangesThePasswordWithTheCurrentOneAndTheSameRules() {
        Api.Citizen c = Api.newCitizen("接口改密");
        String uri = "/api/v1/me/password";
        assertEquals(List.of("currentPassword"), c.api().put(uri, Json.createObjectBuilder()
                .add("currentPassword", "wrong").add("password", "Rain-on-Pujin-7").build()).errorFields());
        assertEquals(List.of("password"), c.api().put(uri, Json.createObjectBuilder()
                .add("currentPassword", "secret-pass-1").add("password", "12345678").build()).errorFields());
        assertEquals(List.of("password"), c.api().put(uri, Json.createObjectBuilder()
                .add("currentPassword", "secret-pass-1").add("password", "short").build()).errorFields());
        assertEquals(List.of("password"), c.api().put(uri, Json.createObjectBuilder()
                .add("currentPassword", "secret-pass-1").add("password", "secret-pass-1").build()).errorFields());
        c.api().put(uri, Json.createObjectBuilder().add("currentPassword", "secret-pass-1").add("password", "Rain-on-Pujin-7").build())
                .expect(204);
        Api.as(c.phone(), "Rain-on-Pujin-7").get("/api/v1/me").expect(200);
    }

    @Test
    void signUpRefusesCommonPasswordsAndOnesContainingThePhone() {
        for (String weak : List.of("password", "12345678", "iloveyou", "Qwertyuiop")) {
            String phone = Api.randomPhone();
            Api.Response r = Api.anonymous().from(Api.randomAddress()).post("/api/v1/accounts", Json.createObjectBuilder()
                    .add("phone", phone).add("code", "000000").add("displayName", "弱密码").add("password", weak).add("consent", true).build());
            assertEquals(List.of("password"), r.errorFields(), weak);
            assertTrue(r.body().contains("太常见"), r.body());
        }
        String phone = Api.randomPhone();
        Api.Response r = Api.anonymous().from(Api.randomAddress()).post("/api/v1/accounts", Json.createObjectBuilder()
                .add("phone", phone).add("code", "000000").add("displayName", "手机号密码").add("password", "pw" + phone).add("consent", true).build());
        assertTrue(r.body().contains("手机号"), r.body());
        assertEquals(List.of("password"), r.errorFields());
    }
}
