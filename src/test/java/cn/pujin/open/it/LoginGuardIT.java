package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hardening of sign-in and sign-up: account lockout after repeated failures (API and login page), a limit on
 * failures and sign-ups per client address, a new session id on sign-in, and CSRF protection of API calls that
 * a browser authenticates with its session cookie.
 */
class LoginGuardIT {

    @AfterEach
    void resetClock() {
        SuggestionsIT.clock(null);
    }

    private static Api.Response me(Api.Citizen c, String password, String address) {
        return Api.as(c.phone(), password).from(address).get("/api/v1/me");
    }

    @Test
    void oneAddressFailingFiveTimesIsRefusedForThatAccountWhileTheOwnerElsewhereSignsIn() {
        Api.Citizen c = Api.newCitizen("锁定测试");
        String address = Api.randomAddress();
        for (int i = 0; i < 5; i++) {
            me(c, "wrong-password-" + i, address).problem(401, "UNAUTHENTICATED");
        }
        Api.Response refused = me(c, "secret-pass-1", address);
        JsonObject problem = refused.problem(429, "LOGIN_LOCKED");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "about 15 minutes: " + retryAfter);
        assertTrue(problem.getString("detail").contains("15 分钟"), problem.getString("detail"));
        // the guesser's address is refused for this account, the owner is not locked out from anywhere else
        me(c, "secret-pass-1", Api.randomAddress()).expect(200);
        String audit = Api.as("admin").get("/api/v1/audit?entityType=account&entityId=" + c.id()).body();
        assertTrue(!audit.contains("account.locked"), "one address locks nobody out: " + audit);

        SuggestionsIT.clock(Instant.now().plus(16, ChronoUnit.MINUTES).toString());
        me(c, "secret-pass-1", address).expect(200);
        // the count started again: four more failures do not refuse the address
        for (int i = 0; i < 4; i++) {
            me(c, "wrong-again-" + i, address).expect(401);
        }
        me(c, "secret-pass-1", address).expect(200);
    }

    /** Five failures within the lock period from three different addresses: guessing spread out, the account locks. */
    static void failFromThreeAddresses(Api.Citizen c) {
        String[] addresses = {Api.randomAddress(), Api.randomAddress(), Api.randomAddress()};
        for (int i = 0; i < 5; i++) {
            me(c, "wrong-password-" + i, addresses[i % 3]).problem(401, "UNAUTHENTICATED");
        }
    }

    @Test
    void failuresFromSeveralAddressesLockTheAccountEvenForTheRightPasswordUntilTheLockEnds() {
        Api.Citizen c = Api.newCitizen("分散锁定");
        failFromThreeAddresses(c);
        Api.Response locked = me(c, "secret-pass-1", Api.randomAddress());
        JsonObject problem = locked.problem(429, "LOGIN_LOCKED");
        assertTrue(problem.getString("detail").contains("15 分钟"), problem.getString("detail"));
        String audit = Api.as("admin").get("/api/v1/audit?entityType=account&entityId=" + c.id()).body();
        assertTrue(audit.contains("account.locked") && audit.contains("from 3 addresses"), audit);
        SuggestionsIT.clock(Instant.now().plus(16, ChronoUnit.MINUTES).toString());
        me(c, "secret-pass-1", Api.randomAddress()).expect(200);
    }

    @Test
    void anAdminUnlocksALockedAccount() {
        Api.Citizen c = Api.newCitizen("解锁测试");
        failFromThreeAddresses(c);
        String address = Api.randomAddress();
        me(c, "secret-pass-1", address).problem(429, "LOGIN_LOCKED");
        JsonObject view = Api.as("admin").get("/api/v1/accounts/" + c.id()).expect(200).json();
        assertNotNull(view.getString("lockedUntil", null), view.toString());
        Api.as("organiser").post("/api/v1/accounts/" + c.id() + "/unlock").problem(403, "FORBIDDEN");
        Api.as("admin").post("/api/v1/accounts/" + c.id() + "/unlock").expect(200);
        me(c, "secret-pass-1", address).expect(200);
    }

    @Test
    void anAddressThatKeepsGuessingIsRefusedWhateverLoginItTries() {
        Api.Citizen c = Api.newCitizen("地址限流");
        String guesser = Api.randomAddress();
        for (int i = 0; i < 30; i++) {
            Api.as(Api.randomPhone(), "guess-" + i).from(guesser).get("/api/v1/me").expect(401);
        }
        me(c, "secret-pass-1", guesser).problem(429, "LOGIN_LOCKED");
        me(c, "secret-pass-1", Api.randomAddress()).expect(200);
    }

    @Test
    void anAddressMaySignUpTwentyTimesAnHour() {
        Api anonymous = Api.anonymous().from(Api.randomAddress());
        for (int i = 0; i < 20; i++) {
            anonymous.post("/api/v1/accounts", signUp(Api.randomPhone())).expect(201);
        }
        Api.Response refused = anonymous.post("/api/v1/accounts", signUp(Api.randomPhone()));
        refused.problem(429, "TOO_MANY_SIGNUPS");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        Api.anonymous().from(Api.randomAddress()).post("/api/v1/accounts", signUp(Api.randomPhone())).expect(201);
    }

    /** A sign-up with a real code (asked for from another address: codes have their own, lower limit per address). */
    private static JsonObject signUp(String phone) {
        return Json.createObjectBuilder().add("phone", phone).add("code", Api.signUpCode(phone, Api.randomAddress()))
                .add("displayName", "批量注册").add("password", "secret-pass-1").add("consent", true).build();
    }

    @Test
    void theLoginPageSaysWhenTheAccountIsLockedAndSignInGivesANewSessionId() {
        Api.Citizen c = Api.newCitizen("页面锁定");
        try (Browser b = new Browser(1280, 900)) {
            b.journey("login-lock", () -> {
                b.open("/login.xhtml");
                String before = b.driver.manage().getCookieNamed("JSESSIONID").getValue();
                b.type("login:name", c.phone());
                b.type("login:password", "secret-pass-1");
                b.click(By.id("login:submit"));
                b.waitForText(c.name());
                String after = b.driver.manage().getCookieNamed("JSESSIONID").getValue();
                assertNotEquals(before, after, "signing in changes the session id (no fixation)");
                b.signOut();

                for (int i = 0; i < 5; i++) {
                    b.open("/login.xhtml");
                    b.type("login:name", c.phone());
                    b.type("login:password", "wrong-" + i);
                    b.click(By.id("login:submit"));
                    b.waitForText("不正确");
                }
                b.open("/login.xhtml");
                b.type("login:name", c.phone());
                b.type("login:password", "secret-pass-1");
                b.click(By.id("login:submit"));
                b.waitForText("已暂时锁定");
                b.screenshot("login-locked");
            });
        }
    }

    @Test
    void apiCallsWithTheSessionCookieMustComeFromThisSite() {
        Api.Citizen c = Api.newCitizen("跨站测试");
        try (Browser b = new Browser(1280, 900)) {
            b.signIn(c.phone(), "secret-pass-1");
            Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");
            Api cookie = Api.anonymous().with("Cookie", "JSESSIONID=" + session.getValue());
            String site = TestApp.get().baseUrl;

            Api.Response me = cookie.get("/api/v1/me");
            if (me.status() != 200) {
                // what the browser holds, to tell a lost session from a cookie that did not make it across
                b.open("/api/v1/me");
                throw new AssertionError("the session cookie " + session + " did not authenticate the API call ("
                        + me.status() + " " + me.body() + "); the browser's cookies now " + b.driver.manage().getCookies()
                        + "; the browser itself gets: " + b.text());
            }
            cookie.with("Origin", "https://evil.example").post("/api/v1/me/calendar-token").problem(403, "CROSS_SITE_REQUEST");
            cookie.post("/api/v1/me/calendar-token").problem(403, "CROSS_SITE_REQUEST");
            cookie.with("Referer", "https://evil.example/page").post("/api/v1/me/calendar-token").problem(403, "CROSS_SITE_REQUEST");
            // an Authorization header that signs nobody in does not make a cookie-borne request a script's
            cookie.with("Authorization", "Negotiate c29tZXRoaW5n").with("Origin", "https://evil.example")
                    .post("/api/v1/me/calendar-token").problem(403, "CROSS_SITE_REQUEST");
            String first = cookie.with("Origin", site).post("/api/v1/me/calendar-token").expect(200).body();
            String second = cookie.with("Referer", site + "/me/").post("/api/v1/me/calendar-token").expect(200).body();
            assertNotEquals(first, second, "both resets happened");
            // scripts that authenticate with a header are not affected
            Api.as(c.phone(), "secret-pass-1").with("Origin", "https://evil.example").post("/api/v1/me/calendar-token").expect(200);
        }
    }
}
