package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The living pool: citizens nominate themselves and residents' committees nominate residents, an organiser reviews
 * (a member cannot be nominated again), members re-confirm yearly after reminders, and everyone's attendance history is
 * there for the representative and on the organiser's pool page.
 */
class PoolNominationsIT {

    static final Api ORGANISER = Api.as("organiser");

    static JsonObject nomination(String kind, String committee, String phone) {
        var b = Json.createObjectBuilder().add("kind", kind).add("categories", Json.createArrayBuilder().add("RESIDENT"))
                .add("adultDeclared", true).add("residency", "LIVES").add("interests", "加装电梯")
                .add("statement", "在小区住了二十年，长期参与楼组议事。");
        if (committee != null) {
            b.add("committee", committee).add("nomineePhone", phone);
        }
        return b.build();
    }

    @Test
    void nominationsAreReviewedMembersConfirmYearlyAfterRemindersAndHistoryIsKept() {
        Api.Citizen self = Api.newCitizen("自荐居民");
        Api.Citizen committee = Api.newCitizen("居委干部");
        Api.Citizen resident = Api.newCitizen("被推荐居民");
        Api.anonymous().post("/api/v1/representatives/nominations", nomination("SELF", null, null)).problem(401, "UNAUTHENTICATED");
        assertEquals(List.of("adultDeclared", "statement"), self.api().post("/api/v1/representatives/nominations",
                Json.createObjectBuilder().add("kind", "SELF").add("categories", Json.createArrayBuilder().add("RESIDENT"))
                        .add("residency", "LIVES").add("statement", "短").build()).errorFields());
        assertEquals(List.of("nomineePhone"), committee.api().post("/api/v1/representatives/nominations",
                nomination("COMMITTEE", "浦锦一居委", "13900000000")).errorFields(), "the nominee needs an account");
        JsonObject mine = self.api().post("/api/v1/representatives/nominations", nomination("SELF", null, null)).expect(201).json();
        assertEquals("PENDING", mine.getString("status"));
        self.api().post("/api/v1/representatives/nominations", nomination("SELF", null, null)).problem(409, "NOMINATION_PENDING");
        JsonObject byCommittee = committee.api().post("/api/v1/representatives/nominations",
                nomination("COMMITTEE", "浦锦一居委", resident.phone())).expect(201).json();
        assertEquals("浦锦一居委", byCommittee.getString("committee"));
        self.api().get("/api/v1/representatives/nominations").problem(403, "FORBIDDEN");

        JsonObject approved = ORGANISER.post("/api/v1/representatives/nominations/" + id(mine) + "/approve").expect(200).json();
        assertEquals("APPROVED", approved.getString("status"));
        ORGANISER.post("/api/v1/representatives/nominations/" + id(mine) + "/approve").problem(409, "INVALID_TRANSITION");
        Mailbox.await(self.email(), "您已加入浦锦街道公众代表库");
        self.api().post("/api/v1/representatives/nominations", nomination("SELF", null, null)).problem(409, "ALREADY_IN_POOL");
        committee.api().post("/api/v1/representatives/nominations", nomination("COMMITTEE", "浦锦二居委", self.phone()))
                .problem(409, "ALREADY_IN_POOL");
        assertEquals(List.of("reason"), ORGANISER.post("/api/v1/representatives/nominations/" + id(byCommittee) + "/reject",
                Json.createObjectBuilder().build()).errorFields());
        ORGANISER.post("/api/v1/representatives/nominations/" + id(byCommittee) + "/reject",
                Json.createObjectBuilder().add("reason", "本人尚未同意被推荐").build()).expect(200);
        assertTrue(Mailbox.textPart(Mailbox.await(committee.email(), "代表库推荐未通过")).contains("本人尚未同意被推荐"));

        JsonObject membership = self.api().get("/api/v1/me/representative").expect(200).json();
        assertTrue(membership.getBoolean("member"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals(today.plusYears(1).toString(), membership.getString("reviewDueOn"));

        long memberId = ORGANISER.get("/api/v1/representatives?q=" + self.phone()).items().stream().map(x -> x.asJsonObject())
                .filter(x -> x.getJsonNumber("accountId").longValue() == self.id()).findFirst().map(Fixtures::id).orElseThrow();
        ORGANISER.put("/api/v1/representatives/" + memberId, Json.createObjectBuilder().add("accountId", self.id())
                .add("categories", Json.createArrayBuilder().add("RESIDENT")).add("adultDeclared", true).add("residency", "LIVES")
                .add("reviewDueOn", today.plusDays(20).toString()).build()).expect(200);
        ORGANISER.post("/api/v1/representatives/reminders/run").expect(200);
        ORGANISER.post("/api/v1/representatives/reminders/run").expect(200);
        Mailbox.await(self.email(), "请确认您的公众代表资格");
        assertEquals(1, reviewMails(self), "one reminder 30 days ahead however often the job runs");
        ORGANISER.put("/api/v1/representatives/" + memberId, Json.createObjectBuilder().add("accountId", self.id())
                .add("categories", Json.createArrayBuilder().add("RESIDENT")).add("adultDeclared", true).add("residency", "LIVES")
                .add("reviewDueOn", today.plusDays(20).toString()).build()).expect(200);
        ORGANISER.post("/api/v1/representatives/reminders/run").expect(200);
        assertEquals(1, reviewMails(self), "the same review date is not reminded twice at the same stage");

        assertEquals(List.of("adultDeclared"), self.api().post("/api/v1/me/representative/confirm",
                Json.createObjectBuilder().add("residency", "WORKS").build()).errorFields());
        JsonObject confirmed = self.api().post("/api/v1/me/representative/confirm", Json.createObjectBuilder()
                .add("adultDeclared", true).add("residency", "WORKS").build()).expect(200).json();
        assertEquals(today.plusYears(1).toString(), confirmed.getString("reviewDueOn"));
        ORGANISER.post("/api/v1/representatives/reminders/run").expect(200);
        assertEquals(1, reviewMails(self), "confirmed: nothing more until the next review comes near");
        Api.newCitizen("非成员").api().post("/api/v1/me/representative/confirm", Json.createObjectBuilder()
                .add("adultDeclared", true).add("residency", "LIVES").build()).problem(404, "NOT_FOUND");

        JsonObject history = ORGANISER.get("/api/v1/representatives/" + memberId + "/history").expect(200).json();
        assertEquals(0, history.getInt("suggestionsMade"));
        assertTrue(history.getJsonArray("meetings").isEmpty());
        self.api().get("/api/v1/representatives/" + memberId + "/history").problem(403, "FORBIDDEN");
    }

    private static long reviewMails(Api.Citizen c) {
        return Mailbox.to(c.email()).stream().filter(m -> {
            try {
                return m.getSubject().contains("请确认您的公众代表资格");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /** Through the pages: a citizen nominates themselves, the organiser approves and reads the history, the member confirms. */
    @Test
    void aCitizenNominatesThemselvesTheOrganiserApprovesAndTheMemberConfirmsOnThePages() {
        Api.Citizen c = Api.newCitizen("页面自荐人");
        Api.Citizen neighbour = Api.newCitizen("页面被推荐人");
        try (Browser b = new Browser(390, 844); Browser organiser = new Browser(1280, 900)) {
            b.journey("pool-nominate", () -> {
                b.signIn(c.phone(), "secret-pass-1");
                b.open("/me/representative.xhtml");
                b.waitForText("您还不是代表库成员");
                b.click(By.id("nominate:submitNomination"));
                b.find(By.cssSelector("#nominate .ui-message-error"));
                assertTrue(c.api().get("/api/v1/me/representative").json().getJsonArray("nominations").isEmpty(), "nothing stored");
                b.click(By.xpath("//label[@for='nominate:categories:0']"));
                b.click(By.xpath("//label[@for='nominate:residency:0']"));
                b.click(By.cssSelector("#nominate\\:adultDeclared .ui-chkbox-box"));
                b.type("nominate:statement", "退休教师，关注社区养老和加装电梯。");
                b.click(By.id("nominate:submitNomination"));
                b.waitForText("推荐已提交");
                b.waitForText("待审核");
                b.screenshot("pool-nominated-phone");
                b.click(By.xpath("//label[@for='nominate:kind:1']"));
                b.type("nominate:committee", "浦锦二居委");
                b.type("nominate:nomineePhone", neighbour.phone());
                b.type("nominate:statement", "楼组长，热心调解邻里纠纷。");
                b.click(By.id("nominate:submitNomination"));
                b.waitForText("浦锦二居委");
            });
            organiser.journey("pool-approve", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/pool.xhtml");
                organiser.click(By.xpath("//article[contains(., '退休教师，关注社区养老')]//button[contains(., '同意加入')]"));
                organiser.waitForText("已加入代表库");
                organiser.find(By.xpath("//article[contains(., '楼组长，热心调解邻里纠纷')]//input")).sendKeys("请先征得本人同意");
                organiser.click(By.xpath("//article[contains(., '楼组长，热心调解邻里纠纷')]//button[contains(., '不同意')]"));
                organiser.waitForText("已退回推荐");
                organiser.click(By.id("pool:remind"));
                organiser.waitForText("已发送");
                organiser.type("pool:query", c.phone());
                organiser.click(By.id("pool:search"));
                organiser.waitUntil(() -> organiser.driver.findElements(By.cssSelector("#pool\\:table tbody tr")).size() == 1);
                organiser.click(By.xpath("//button[contains(., '履职记录')]"));
                organiser.waitForText("列席 0 次");
                organiser.screenshot("pool-history-dialog");
            });
            b.journey("pool-confirm", () -> {
                b.open("/me/representative.xhtml");
                b.waitForText("您是代表库成员");
                b.click(By.cssSelector("#confirm\\:confirmAdult .ui-chkbox-box"));
                b.click(By.id("confirm:confirmButton"));
                b.waitForText("已确认");
                b.screenshot("pool-confirmed-phone");
            });
        }
        assertEquals(List.of("APPROVED", "REJECTED"), c.api().get("/api/v1/me/representative").json().getJsonArray("nominations")
                .stream().map(n -> n.asJsonObject().getString("status")).sorted().toList(), "their own and the one made for the committee");
    }
}
