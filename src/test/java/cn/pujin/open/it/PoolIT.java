package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The representative pool (代表库): eligibility, invitations, and accepting one as an application. */
class PoolIT {

    private static final Api ORGANISER = Api.as("organiser");

    private static JsonObject member(long accountId, boolean adult, boolean active) {
        return Json.createObjectBuilder().add("accountId", accountId)
                .add("categories", Json.createArrayBuilder().add("STAKEHOLDER"))
                .add("interests", "加装电梯、老旧小区改造").add("adultDeclared", adult).add("residency", "LIVES")
                .add("active", active).build();
    }

    @Test
    void membersAreInvitedAndAcceptingFilesAnApplication() {
        Api.Citizen c = Api.newCitizen("库内代表");
        Api.Citizen inactive = Api.newCitizen("暂停代表");
        assertEquals(List.of("adultDeclared"), ORGANISER.post("/api/v1/representatives", member(c.id(), false, true)).errorFields());
        JsonObject m = ORGANISER.post("/api/v1/representatives", member(c.id(), true, true)).expect(201).json();
        assertTrue(m.getBoolean("eligible"));
        ORGANISER.post("/api/v1/representatives", member(c.id(), true, true)).problem(409, "ALREADY_IN_POOL");
        assertTrue(c.api().get("/api/v1/me").json().getJsonArray("roles").toString().contains("REPRESENTATIVE"));
        JsonObject off = ORGANISER.post("/api/v1/representatives", member(inactive.id(), true, false)).expect(201).json();
        c.api().get("/api/v1/representatives").problem(403, "FORBIDDEN");

        long meetingId = id(Fixtures.published(openDay(unique("邀请会议"), 30).add("kind", "DECISION_MEETING").add("capacity", 4)));
        var outcomes = ORGANISER.post("/api/v1/events/" + meetingId + "/invitations", Json.createObjectBuilder()
                .add("representativeIds", Json.createArrayBuilder().add(id(m)).add(id(off)).add(999999999L)).build()).expect(200).jsonArray();
        assertTrue(outcomes.getJsonObject(0).getBoolean("invited"));
        assertEquals("NOT_ELIGIBLE", outcomes.getJsonObject(1).getString("code"));
        assertEquals("NOT_FOUND", outcomes.getJsonObject(2).getString("code"));
        assertEquals("ALREADY_INVITED", ORGANISER.post("/api/v1/events/" + meetingId + "/invitations", Json.createObjectBuilder()
                .add("representativeIds", Json.createArrayBuilder().add(id(m))).build()).jsonArray().getJsonObject(0).getString("code"));
        Mailbox.await(c.email(), "邀请列席");

        JsonObject invitation = c.api().get("/api/v1/me/invitations").expect(200).items().getJsonObject(0);
        assertEquals("INVITED", invitation.getString("status"));
        Api.newCitizen("别人").api().post("/api/v1/invitations/" + id(invitation) + "/accept").problem(404, "NOT_FOUND");
        JsonObject accepted = c.api().post("/api/v1/invitations/" + id(invitation) + "/accept",
                Json.createObjectBuilder().add("statement", "希望就电梯补贴发表意见").build()).expect(200).json();
        assertEquals("ACCEPTED", accepted.getString("status"));
        JsonObject application = c.api().get("/api/v1/registrations/" + accepted.getJsonNumber("registrationId").longValue()).json();
        assertEquals("PENDING", application.getString("status"));
        assertEquals("INVITATION", application.getString("source"));
        assertEquals("STAKEHOLDER", application.getString("category"));
        c.api().post("/api/v1/invitations/" + id(invitation) + "/decline").problem(409, "INVITATION_ANSWERED");
    }
}
