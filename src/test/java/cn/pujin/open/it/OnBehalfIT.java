package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 代为报名 and 现场登记: organisers register residents without an account (consent on paper, audited); they count in
 * lists, check-in and statistics, get a printable pass, and find it all under their account once they sign up with
 * the same phone. A full event refuses unless the organiser overrides, which is audited.
 */
class OnBehalfIT {

    private static final Api ORGANISER = Api.as("organiser");

    static JsonObject person(String name, String phone, String source, boolean consent) {
        return Json.createObjectBuilder().add("name", name).add("phone", phone).add("category", "RESIDENT")
                .add("source", source).add("consent", consent).build();
    }

    @Test
    void aResidentWithoutAnAccountIsRegisteredCheckedInAndLaterTakesItOver() {
        long event = id(Fixtures.published(Fixtures.startingSoon(unique("代为报名开放日")).add("capacity", 2)));
        String path = "/api/v1/events/" + event + "/registrations/on-behalf";
        String phone = Api.randomPhone();

        List<String> missing = ORGANISER.post(path, Json.createObjectBuilder().build()).errorFields();
        assertTrue(missing.containsAll(List.of("name", "phone", "category", "source", "consent")), missing.toString());
        assertEquals(List.of("consent"), ORGANISER.post(path, person("陈阿婆", phone, "PROXY", false)).errorFields(),
                "no registration without the consent on paper");
        assertEquals(List.of("phone"), ORGANISER.post(path, person("陈阿婆", "12345", "PROXY", true)).errorFields());
        assertEquals(List.of("source"), ORGANISER.post(path, Json.createObjectBuilder().add("name", "陈阿婆").add("phone", phone)
                .add("category", "RESIDENT").add("source", "SELF").add("consent", true).build()).errorFields());
        Api.as("citizen1").post(path, person("陈阿婆", phone, "PROXY", true)).problem(403, "FORBIDDEN");

        JsonObject proxy = ORGANISER.post(path, person("陈阿婆", phone, "PROXY", true)).expect(201).json();
        assertEquals("CONFIRMED", proxy.getString("status"));
        assertEquals("PROXY", proxy.getString("source"));
        long registration = id(proxy);
        ORGANISER.post(path, person("陈阿婆", phone, "PROXY", true)).problem(409, "ALREADY_REGISTERED");
        Api.Response pdf = ORGANISER.get("/api/v1/registrations/" + registration + "/pass.pdf").expect(200);
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        Api.as(phone, "any-password-1").get("/api/v1/me").expect(401);

        PassesIT.register(Api.newCitizen("自己报名者"), event);
        ORGANISER.post(path, person("现场王伯", Api.randomPhone(), "WALK_IN", true)).problem(409, "EVENT_FULL");
        JsonObject over = ORGANISER.post(path, Json.createObjectBuilder(person("现场王伯", Api.randomPhone(), "WALK_IN", true))
                .add("override", true).build()).expect(201).json();
        String audit = Api.as("admin").get("/api/v1/audit?entityType=registration&entityId=" + id(over)).expect(200).body();
        assertTrue(audit.contains("registration.onBehalf") && audit.contains("over capacity"), audit);
        assertEquals(3, ORGANISER.get("/api/v1/events/" + event + "/registrations").expect(200).json().getInt("total"));

        JsonObject door = ORGANISER.post("/api/v1/checkins/manual", Json.createObjectBuilder().add("registrationId", registration)
                .add("nonce", CheckInIT.nonce()).add("eventId", event).build()).expect(200).json();
        assertEquals("ADMITTED", door.getString("verdict"), door.toString());
        JsonObject summary = ORGANISER.get("/api/v1/events/" + event + "/checkins/summary").expect(200).json();
        assertEquals(1, summary.getInt("checkedIn"));
        assertEquals(3, summary.getInt("expected"));

        // she signs up later with the same phone: the registration, pass and check-in are hers
        JsonObject account = Api.anonymous().post("/api/v1/accounts", Json.createObjectBuilder().add("phone", phone)
                .add("code", Api.signUpCode(phone, Api.randomAddress())).add("displayName", "陈秀英").add("password", "chen-pass-2026").add("consent", true).build()).expect(201).json();
        Api chen = Api.as(phone, "chen-pass-2026");
        JsonObject data = chen.get("/api/v1/me/data").expect(200).json();
        assertEquals(1, data.getJsonArray("registrations").size(), data.toString());
        assertEquals(registration, id(chen.get("/api/v1/me/registrations").expect(200).items().getJsonObject(0)));
        assertEquals(id(account), chen.get("/api/v1/me").expect(200).json().getJsonNumber("id").longValue());
        Api.anonymous().post("/api/v1/accounts", Json.createObjectBuilder().add("phone", phone).add("code", "000000").add("displayName", "冒名者")
                .add("password", "other-pass-2026").add("consent", true).build()).problem(409, "PHONE_TAKEN");
    }

    @Test
    void anOrganiserRegistersSomeoneThroughTheDialogAndPrintsThePass() {
        String title = unique("代为报名页面");
        long event = id(Fixtures.published(Fixtures.openDay(title, 14)));
        String phone = Api.randomPhone();
        try (Browser b = new Browser(390, 844)) {
            b.journey("on-behalf-dialog", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/registrations.xhtml?event=" + event);
                b.click(By.id("registrations:openOnBehalf"));
                b.type("onBehalfForm:name", "李阿公");
                b.type("onBehalfForm:phone", phone);
                b.click(By.id("onBehalfForm:submitOnBehalf"));
                b.waitForText("须先取得本人书面同意");
                b.click(By.cssSelector("#onBehalfForm\\:consent .ui-chkbox-box"));
                b.screenshot("on-behalf-dialog-phone");
                b.click(By.id("onBehalfForm:submitOnBehalf"));
                b.waitForText("已登记，编号");
                b.find(By.id("printPass"));
                b.screenshot("on-behalf-done-phone");
            });
        }
        JsonObject list = ORGANISER.get("/api/v1/events/" + event + "/registrations").expect(200).json();
        assertEquals(1, list.getInt("total"));
        assertEquals("CONFIRMED", list.getJsonArray("items").getJsonObject(0).getString("status"));
    }
}
