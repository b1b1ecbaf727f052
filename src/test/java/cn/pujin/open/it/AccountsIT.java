package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsIT {

    private static JsonObject signUp(String phone, String name, String password, Object consent) {
        var b = Json.createObjectBuilder();
        if (phone != null) b.add("phone", phone);
        if (name != null) b.add("displayName", name);
        if (password != null) b.add("password", password);
        if (consent instanceof Boolean c) b.add("consent", c);
        // a real code for a number that can have one; a code of the right form otherwise (refused before it is tried)
        b.add("code", phone != null && phone.matches("1[3-9]\\d{9}") ? Api.signUpCode(phone, Api.randomAddress()) : "000000");
        return b.build();
    }

    @Test
    void citizenSignsUpAndSeesOwnProfileWithFullPhone() {
        String phone = Api.randomPhone();
        Api.Response created = Api.anonymous().post("/api/v1/accounts", signUp(phone, "王小明", "secret-pass-1", true)).expect(201);
        JsonObject body = created.json();
        assertEquals("王小明", body.getString("displayName"));
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), body.getString("phone"), "masked to others");
        assertEquals(Json.createArrayBuilder().add("CITIZEN").build(), body.getJsonArray("roles"));

        JsonObject me = Api.as(phone, "secret-pass-1").get("/api/v1/me").expect(200).json();
        assertEquals(phone, me.getString("phone"), "the owner sees the full number");
        assertTrue(me.containsKey("consentAt"), "time of consent is stored");
        assertEquals("2026-01", me.getString("consentVersion"));
    }

    @Test
    void passwordIsHashedWithPbkdf2AndPhoneIsEncryptedAtRest() throws Exception {
        Api.Citizen c = Api.newCitizen("陈小红");
        try (Connection db = TestApp.get().db();
             PreparedStatement s = db.prepareStatement("select password_hash, phone_cipher, phone_hash from account where id = ?")) {
            s.setLong(1, c.id());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PBKDF2WithHmacSHA256:"), rs.getString(1));
                assertFalse(rs.getString(1).contains("secret-pass-1"));
                assertFalse(rs.getString(2).contains(c.phone()), "phone must not be stored in the clear");
                assertFalse(rs.getString(3).contains(c.phone()));
            }
        }
    }

    @Test
    void duplicatePhoneIsRefused() {
        Api.Citizen c = Api.newCitizen("李四");
        // refused before any code is tried: the number belongs to a verified account
        Api.anonymous().post("/api/v1/accounts", Json.createObjectBuilder().add("phone", c.phone()).add("code", "000000")
                .add("displayName", "另一个人").add("password", "secret-pass-2").add("consent", true).build()).problem(409, "PHONE_TAKEN");
    }

    @Test
    void signUpValidationNamesEveryBadField() {
        Api.Response r = Api.anonymous().post("/api/v1/accounts", signUp("12345678901", "x".repeat(41), "short", false));
        r.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("consent", "displayName", "password", "phone"), r.errorFields());

        Api.anonymous().post("/api/v1/accounts", signUp(Api.randomPhone(), "张三", "long-enough-1", null))
                .problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("consent"),
                Api.anonymous().post("/api/v1/accounts", signUp(Api.randomPhone(), "张三", "long-enough-1", null)).errorFields());
        assertEquals(List.of("phone"),
                Api.anonymous().post("/api/v1/accounts", signUp("1" + "2".repeat(10), "张三", "long-enough-1", true)).errorFields());
    }

    @Test
    void loginWorksByPhoneAndByUserName() {
        Api.as("citizen1").get("/api/v1/me").expect(200);
        Api.as("13800000001").get("/api/v1/me").expect(200);
        assertEquals(Api.as("citizen1").get("/api/v1/me").json().getJsonNumber("id"),
                Api.as("13800000001").get("/api/v1/me").json().getJsonNumber("id"));
        Api.as("citizen1", "wrong-password").get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        Api.anonymous().get("/api/v1/me").problem(401, "UNAUTHENTICATED");
    }

    @Test
    void adminGrantsRolesAndOthersCannot() {
        Api.Citizen c = Api.newCitizen("赵六");
        JsonObject roles = Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("CITIZEN").add("ORGANISER")).build();
        Api.as("organiser").put("/api/v1/accounts/" + c.id() + "/roles", roles).problem(403, "FORBIDDEN");
        Api.as("citizen1").put("/api/v1/accounts/" + c.id() + "/roles", roles).problem(403, "FORBIDDEN");
        c.api().post("/api/v1/events", Fixtures.openDay(Fixtures.unique("未授权"), 10).build()).problem(403, "FORBIDDEN");

        JsonObject granted = Api.as("admin").put("/api/v1/accounts/" + c.id() + "/roles", roles).expect(200).json();
        assertEquals(Json.createArrayBuilder().add("CITIZEN").add("ORGANISER").build(), granted.getJsonArray("roles"));
        c.api().post("/api/v1/events", Fixtures.openDay(Fixtures.unique("已授权"), 10).build()).expect(201);

        Api.as("admin").put("/api/v1/accounts/" + c.id() + "/roles",
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("WIZARD")).build())
                .problem(400, "VALIDATION_FAILED");
        Api.as("admin").put("/api/v1/accounts/999999999/roles", roles).problem(404, "NOT_FOUND");
    }

    @Test
    void departmentsAreListedForStaffOnly() {
        JsonObject list = Api.as("organiser").get("/api/v1/departments").expect(200).json();
        assertTrue(list.getJsonArray("items").stream().anyMatch(d -> d.asJsonObject().getString("name").equals("街道办公室")));
        assertEquals(list.getJsonArray("items").size(), list.getInt("total"));
        Api.as("citizen1").get("/api/v1/departments").problem(403, "FORBIDDEN");
        Api.anonymous().get("/api/v1/departments").problem(401, "UNAUTHENTICATED");
    }
}
