package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verified phone numbers: sign-up needs the code the operator's SMS centre delivered (a real SMPP session, {@link SmsCenter});
 * codes are stored hashed, expire after 5 minutes, are void after 5 wrong tries, limited per number and address (429 with
 * Retry-After); a password reset by code; a number without an account answers exactly as one with; an unverified holder
 * never blocks the number's verified owner. And the pages: sign-up from an event page returns to it, reset by code.
 */
class VerificationCodesIT {

    static JsonObject signUp(String phone, String code, String name, String password) {
        return Json.createObjectBuilder().add("phone", phone).add("code", code).add("displayName", name)
                .add("password", password).add("consent", true).build();
    }

    static Api.Response askCode(String phone, String purpose, String address) {
        return Api.anonymous().from(address).post("/api/v1/accounts/verification-codes",
                Json.createObjectBuilder().add("phone", phone).add("purpose", purpose).build());
    }

    @Test
    void signingUpNeedsTheCodeDeliveredOverSmppAndItIsStoredOnlyHashed() throws Exception {
        String phone = Api.randomPhone();
        String address = Api.randomAddress();
        String code = Api.signUpCode(phone, address);
        SmsCenter.Sms sms = TestApp.get().sms.to(phone).get(0);
        assertTrue(sms.text().contains("注册验证码") && sms.text().contains(code) && sms.text().contains("5 分钟"), sms.text());
        assertEquals("PUJIN", sms.from());

        String wrong = code.equals("111111") ? "222222" : "111111";
        Api.Response refused = Api.anonymous().from(address).post("/api/v1/accounts", signUp(phone, wrong, "验证用户", "secret-pass-1"));
        refused.problem(400, "CODE_INVALID");
        assertEquals(List.of("code"), refused.errorFields());
        Api.anonymous().from(address).post("/api/v1/accounts", signUp(phone, code, "验证用户", "secret-pass-1")).expect(201);
        Api.as(phone, "secret-pass-1").get("/api/v1/me").expect(200);
        // the number is now a verified account's: nobody else signs up with it, not even with the used code
        Api.anonymous().from(Api.randomAddress()).post("/api/v1/accounts", signUp(phone, code, "冒名者", "secret-pass-2"))
                .problem(409, "PHONE_TAKEN");

        try (Connection db = TestApp.get().db(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select code_hash, phone_hash, used_at from verification_code order by created_at desc")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertEquals(64, rs.getString(1).length(), "an HMAC, not the code");
                assertFalse(rs.getString(1).contains(code));
                assertFalse(rs.getString(2).contains(phone));
            }
            assertTrue(rows > 0);
        }
    }

    @Test
    void fiveWrongCodesVoidTheCodeAndAnExpiredOneIsRefused() {
        String phone = Api.randomPhone();
        String address = Api.randomAddress();
        String code = Api.signUpCode(phone, address);
        String wrong = code.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 5; i++) {
            Api.anonymous().from(address).post("/api/v1/accounts", signUp(phone, wrong, "猜码", "secret-pass-1")).problem(400, "CODE_INVALID");
        }
        Api.anonymous().from(address).post("/api/v1/accounts", signUp(phone, code, "猜码", "secret-pass-1")).problem(400, "CODE_INVALID");

        String later = Api.randomPhone();
        String fresh = Api.signUpCode(later, Api.randomAddress());
        try {
            SuggestionsIT.clock(OffsetDateTime.now().plusMinutes(6).toString());
            Api.Response expired = Api.anonymous().post("/api/v1/accounts", signUp(later, fresh, "迟到", "secret-pass-1"));
            expired.problem(400, "CODE_EXPIRED");
            assertEquals(List.of("code"), expired.errorFields());
        } finally {
            SuggestionsIT.clock(null);
        }
    }

    @Test
    void codesAskedForTooOftenAre429WithRetryAfter() {
        String phone = Api.randomPhone();
        askCode(phone, "SIGN_UP", Api.randomAddress()).expect(202);
        Api.Response again = askCode(phone, "SIGN_UP", Api.randomAddress());
        again.problem(429, "TOO_MANY_CODES");
        long retry = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 61, "within the minute: " + retry);

        String address = Api.randomAddress();
        for (int i = 0; i < 10; i++) {
            askCode(Api.randomPhone(), "SIGN_UP", address).expect(202);
        }
        Api.Response busy = askCode(Api.randomPhone(), "SIGN_UP", address);
        busy.problem(429, "TOO_MANY_CODES");
        assertTrue(busy.headers().firstValue("Retry-After").isPresent());
        askCode("12345", "SIGN_UP", Api.randomAddress()).problem(400, "VALIDATION_FAILED");
    }

    @Test
    void aResetForANumberWithoutAnAccountAnswersExactlyLikeOneWith() throws Exception {
        Api.Citizen known = Api.newCitizen("忘记密码");
        String unknown = Api.randomPhone();
        Api.Response forKnown = askCode(known.phone(), "PASSWORD_RESET", Api.randomAddress());
        Api.Response forUnknown = askCode(unknown, "PASSWORD_RESET", Api.randomAddress());
        assertEquals(202, forKnown.status());
        assertEquals(forKnown.status(), forUnknown.status());
        assertEquals(forKnown.body(), forUnknown.body());

        String code = TestApp.get().sms.awaitCode(known.phone(), 1);
        Thread.sleep(1500);
        assertEquals(List.of(), TestApp.get().sms.to(unknown), "nothing is sent to a number without an account");

        JsonObject wrongKnown = Api.anonymous().post("/api/v1/accounts/password-reset", Json.createObjectBuilder()
                .add("phone", known.phone()).add("code", "000001").add("password", "brand-new-pass-7").build()).problem(400, "CODE_INVALID");
        JsonObject wrongUnknown = Api.anonymous().post("/api/v1/accounts/password-reset", Json.createObjectBuilder()
                .add("phone", unknown).add("code", "000001").add("password", "brand-new-pass-7").build()).problem(400, "CODE_INVALID");
        assertEquals(wrongKnown.getString("detail"), wrongUnknown.getString("detail"));
        assertEquals(wrongKnown.getJsonArray("errors"), wrongUnknown.getJsonArray("errors"));

        Api.anonymous().post("/api/v1/accounts/password-reset", Json.createObjectBuilder()
                .add("phone", known.phone()).add("code", code).add("password", "brand-new-pass-7").build()).expect(204);
        Api.as(known.phone(), "secret-pass-1").get("/api/v1/me").expect(401);
        Api.as(known.phone(), "brand-new-pass-7").get("/api/v1/me").expect(200);
    }

    @Test
    void anUnverifiedHolderNeverBlocksTheNumbersVerifiedOwner() throws Exception {
        // an account from before codes existed, which someone made with a number that is not theirs
        Api.Citizen squatter = Api.newCitizen("占用者");
        try (Connection db = TestApp.get().db();
             PreparedStatement s = db.prepareStatement("update account set phone_verified_at = null where id = ?")) {
            s.setLong(1, squatter.id());
            assertEquals(1, s.executeUpdate());
        }
        JsonObject owner;
        try {
            // a while later (one code a minute per number)
            SuggestionsIT.clock(OffsetDateTime.now().plusMinutes(2).toString());
            String code = Api.code(squatter.phone(), "SIGN_UP", Api.randomAddress());
            owner = Api.anonymous().from(Api.randomAddress())
                    .post("/api/v1/accounts", signUp(squatter.phone(), code, "真正的机主", "owner-pass-2026")).expect(201).json();
        } finally {
            SuggestionsIT.clock(null);
        }
        assertTrue(id(owner) != squatter.id());
        JsonObject me = Api.as(squatter.phone(), "owner-pass-2026").get("/api/v1/me").expect(200).json();
        assertEquals("真正的机主", me.getString("displayName"));
        Api.as(squatter.phone(), "secret-pass-1").get("/api/v1/me").expect(401);
        JsonObject audit = Api.as("admin").get("/api/v1/audit?entityType=account&entityId=" + squatter.id()).expect(200).json();
        assertTrue(audit.toString().contains("account.phoneReleased"), audit.toString());
    }

    @Test
    void signingUpFromAnEventPageReturnsToItAndAForgottenPasswordIsResetByCode() {
        long event = id(Fixtures.published(Fixtures.openDay(Fixtures.unique("注册回到活动"), 10)));
        String phone = Api.randomPhone();
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("signup-code", () -> {
                b.open("/events/detail.xhtml?id=" + event);
                b.click(By.cssSelector("a.button[href*='login.xhtml']"));
                assertTrue(b.find(By.id("signupLink")).getAttribute("href").contains("detail.xhtml%3Fid%3D" + event),
                        "the sign-in page's sign-up link also returns to the event");
                b.driver.navigate().back();
                b.click(By.id("signupFromEvent"));
                b.waitForUrl("signup.xhtml");
                b.type("signup:phone", phone);
                b.click(By.id("signup:sendCode"));
                b.waitForText("验证码已发送");
                // the button waits the minute the server asks for, counting down
                b.waitUntil(() -> !b.find(By.id("signup:sendCode")).isEnabled()
                        && b.find(By.id("signup:sendCode")).getText().matches(".*（\\d+）"));
                b.type("signup:code", TestApp.get().sms.awaitCode(phone, 0));
                b.type("signup:displayName", "页面注册");
                b.type("signup:password", "page-pass-2026");
                b.type("signup:passwordRepeat", "page-pass-2026");
                b.click(By.cssSelector("[id='signup:consent'] .ui-chkbox-box"));
                b.screenshot("signup-with-code");
                b.click(By.id("signup:submit"));
                b.waitForUrl("detail.xhtml?id=" + event);
                b.waitForText("注册回到活动");
                b.find(By.id("registration:register"));
                b.signOut();
                b.waitForText("您已退出登录");

                b.open("/login.xhtml");
                b.click(By.id("resetLink"));
                b.type("reset:phone", phone);
                b.click(By.id("reset:sendCode"));
                b.waitForText("验证码已发送");
                b.type("reset:code", TestApp.get().sms.awaitCode(phone, 1));
                b.type("reset:password", "page-pass-2027");
                b.type("reset:passwordRepeat", "page-pass-2027");
                b.screenshot("reset-by-code");
                b.click(By.id("reset:submit"));
                b.waitForText("密码已重设");
                assertEquals(phone, b.find(By.id("login:name")).getAttribute("value"), "the form keeps the number");
                b.type("login:password", "page-pass-2027");
                b.click(By.id("login:submit"));
                b.find(By.cssSelector("form.inline-form button"));
            });
        }
    }
}
