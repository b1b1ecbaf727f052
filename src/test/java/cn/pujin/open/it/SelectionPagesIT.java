package cn.pujin.open.it;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 公示 through its pages: an organiser sets the rule, runs the lottery with a seed and publishes on
 * /organiser/selection.xhtml; anyone then finds it from the meeting's page and reads masked names, the seed and the
 * input hash on /events/selection.xhtml.
 */
class SelectionPagesIT {

    @Test
    void anOrganiserPublishesTheSelectionOnItsPageAndAnyoneReadsItMasked() {
        long meeting = id(Fixtures.published(Fixtures.openDay(unique("公示页面会议"), 25).add("kind", "DECISION_MEETING").add("capacity", 5)));
        List<String> names = List.of("申请人赵甲", "申请人钱乙", "申请人孙丙", "申请人李丁");
        for (String name : names) {
            Api.Citizen c = Api.newCitizen(name);
            long application = id(c.api().post("/api/v1/events/" + meeting + "/registrations", Json.createObjectBuilder()
                    .add("category", "RESIDENT").add("statement", "我是附近小区的居民，希望就会议议题发表意见并列席旁听。").build()).expect(201).json());
            Api.as("organiser").post("/api/v1/registrations/" + application + "/approve").expect(200);
        }
        String seed = "20261203-公示测试";
        try (Browser organiser = new Browser(1280, 900)) {
            organiser.journey("selection-publish", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.type("rule:seats_input", "2");
                organiser.type("rule:alternates_input", "1");
                organiser.click(By.id("rule:saveRule"));
                organiser.waitForText("已保存");
                organiser.type("run:seed", seed);
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText(seed);
                organiser.click(By.id("run:publish"));
                organiser.click(By.cssSelector(".ui-confirmdialog-yes"));
                organiser.find(By.cssSelector("a[href*='/events/selection.xhtml?id=" + meeting + "']"));
                organiser.screenshot("selection-published-organiser");
            });
        }
        try (Browser anyone = new Browser(390, 844)) {
            anyone.journey("selection-public", () -> {
                anyone.open("/events/detail.xhtml?id=" + meeting);
                anyone.click(By.cssSelector("a[href*='/events/selection.xhtml?id=" + meeting + "']"));
                anyone.waitForText(seed);
                String page = anyone.text();
                for (String name : names) {
                    assertFalse(page.contains(name), "no full name on the public 公示: " + name);
                }
                long masked = names.stream().filter(n -> page.contains(n.charAt(0) + "***" + n.charAt(n.length() - 1))
                        || page.contains(n.charAt(0) + "*" + n.charAt(n.length() - 1))).count();
                assertTrue(masked >= 3, "two selected and one alternate, masked: " + page);
                anyone.screenshot("selection-public-phone");
            });
        }
    }
}
