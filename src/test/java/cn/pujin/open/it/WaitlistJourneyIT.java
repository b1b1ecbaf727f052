package cn.pujin.open.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: one citizen takes the only seat, a second lands on the waitlist, the first cancels
 * from "my registrations" and the second sees themselves promoted.
 */
class WaitlistJourneyIT {

    @Test
    void cancellationPromotesTheWaitlistedCitizen() {
        String title = unique("一个名额的开放日");
        long eventId = id(Fixtures.published(openDay(title, 10).add("capacity", 1).add("waitlist", true)));
        Api.Citizen first = Api.newCitizen("先到者");
        Api.Citizen second = Api.newCitizen("后到者");
        String page = "/events/detail.xhtml?id=" + eventId;
        try (Browser b = new Browser(390, 844)) {
            b.journey("waitlist", () -> {
                b.signIn(first.phone(), "secret-pass-1");
                b.open(page);
                b.click(By.id("registration:register"));
                b.waitForText("报名成功");
                assertTrue(b.text().contains("已报名"));
                assertTrue(b.find(By.id("capacityFact")).getText().contains("共 1 人，剩余 0 人"),
                        "the event's facts follow the registration without a reload: " + b.text());
                assertFalse(b.text().contains("null"), b.text());
                b.screenshot("waitlist-1-first-registered");
                b.signOut();

                b.signIn(second.phone(), "secret-pass-1");
                b.open(page);
                b.waitForText("名额已满，加入候补");
                b.click(By.id("registration:register"));
                b.waitForText("候补第 1 位");
                b.screenshot("waitlist-2-second-waitlisted");
                b.signOut();

                b.signIn(first.phone(), "secret-pass-1");
                b.open("/me/registrations.xhtml");
                b.waitForText(title);
                b.click(By.xpath("//tr[.//a[contains(., '" + title + "')]]//button[contains(., '取消报名')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("已取消。");
                b.signOut();

                b.signIn(second.phone(), "secret-pass-1");
                b.open(page);
                b.waitForText("已报名");
                assertTrue(!b.text().contains("候补中"), "no longer waitlisted");
                b.open("/me/registrations.xhtml");
                b.waitForText("候补转正");
                b.screenshot("waitlist-3-second-promoted");
            });
        }
    }
}
