package cn.pujin.open.it;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision catalogue through its pages, as people use them: an organiser writes an item of next year's catalogue
 * and submits it, a reviewer publishes it, the organiser adds the collective decision naming its meeting and a reviewer
 * publishes that step (and returns another step with the reason, which the organiser then reads); a visitor on a phone finds the item with its progress and timeline; a withdrawal asked on the
 * page and approved leaves the item listed as withdrawn with its reason.
 */
class MajorDecisionPageIT {

    @Test
    void anItemGoesFromTheOrganiserThroughReviewToThePublicWithItsTimeline() {
        String year = String.valueOf(LocalDate.now(Fixtures.SHANGHAI).getYear() + 1);
        String title = unique("浦锦街道老旧小区加装电梯行动计划");
        String meetingTitle = unique("加装电梯集体讨论会");
        long meeting = id(Fixtures.published(Fixtures.openDay(meetingTitle, 25).add("kind", "DECISION_MEETING")));
        By item = By.xpath("//article[.//h2[contains(., '" + title + "')]]");
        try (Browser b = new Browser(1280, 900)) {
            b.journey("major-decision-staff", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/");
                b.click(By.cssSelector("a[href$='/organiser/major-decisions.xhtml']"));
                b.select("catalogue:year", year);
                b.click(By.id("toolbar:newItem"));
                b.find(By.id("itemForm:title"));
                b.click(By.id("itemForm:saveItem"));
                b.waitForText("必填");
                b.type("itemForm:title", title);
                b.type("itemForm:department", "街道管理办");
                b.type("itemForm:plannedPeriod", year + "年3月至9月");
                b.type("itemForm:legalBasis", "《重大行政决策程序暂行条例》第三条");
                // next year's catalogue may already be published (other tests): then this is an addition with its reason
                b.type("itemForm:reason", "居民议事会提出，年中纳入目录");
                b.screenshot("major-decision-1-item-form");
                b.click(By.id("itemForm:saveItem"));
                b.waitForText("决策事项已保存");
                b.find(item);
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '提交审查')]"));
                b.waitForText("已提交审查");
                b.signOut();

                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/");
                b.click(By.cssSelector("a[href$='/review/major-decisions.xhtml']"));
                b.find(item);
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '通过并公开')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("已审查通过并公开");
                b.signOut();

                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/major-decisions.xhtml");
                b.select("catalogue:year", year);
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '添加环节')]"));
                b.find(By.id("stepForm:summary"));
                b.select("stepForm:kind", "集体讨论决定");
                b.select("stepForm:meeting", meetingTitle);
                b.typeDate("stepForm:date_input", year + "-06-10");
                b.type("stepForm:summary", "街道党工委会议集体讨论，通过行动计划");
                b.type("stepForm:documentTitle", "会议纪要");
                b.type("stepForm:documentUrl", "https://www.pujin.gov.cn/doc/minutes.pdf");
                b.screenshot("major-decision-2-step-form");
                b.click(By.id("stepForm:saveStep"));
                b.waitForText("环节已添加");
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '添加环节')]"));
                b.find(By.id("stepForm:summary"));
                b.select("stepForm:kind", "风险评估");
                b.typeDate("stepForm:date_input", year + "-05-20");
                b.type("stepForm:summary", "风险评估完成");
                b.click(By.id("stepForm:saveStep"));
                b.waitUntil(() -> b.text().contains("风险评估完成"));
                b.signOut();

                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/major-decisions.xhtml");
                b.click(By.xpath("//div[contains(@class,'step-review')][contains(., '集体讨论决定')]//button[contains(., '公开此环节')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("环节已公开");
                // the other step goes back with the reason instead
                b.click(By.xpath("//div[contains(@class,'step-review')][contains(., '风险评估完成')]//button[contains(., '退回此环节')]"));
                b.type("rejectForm:reason", "请附上风险评估报告");
                b.click(By.id("rejectForm:confirmReject"));
                b.waitForText("环节已退回");
                b.signOut();
            });
        }
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("major-decision-public", () -> {
                b.open("/open/");
                b.click(By.cssSelector("nav.tabs a[href$='/major-decisions/']"));
                new Select(b.find(By.id("year"))).selectByValue(year);
                b.click(By.cssSelector("form.filters button[type=submit]"));
                b.find(item);
                String card = b.find(item).getText();
                assertTrue(card.contains("已公开 1 / 8 个环节") && card.contains("街道管理办"), card);
                assertEquals(List.of("集体讨论决定"), b.driver.findElements(By.xpath(
                        "//article[.//h2[contains(., '" + title + "')]]//ol[@class='step-progress']/li[contains(@class,'done')]"))
                        .stream().map(li -> li.getText().replace("已公开：", "").strip()).toList());
                assertTrue(b.text().contains(year + " 年度重大行政决策事项目录"), "the year as digits: " + b.text());
                b.screenshot("major-decision-3-catalogue-phone");
                b.click(By.linkText(title));
                b.waitForText("决策过程");
                String page = b.text();
                assertTrue(page.contains("街道党工委会议集体讨论，通过行动计划") && page.contains(meetingTitle) && page.contains("会议纪要"), page);
                b.screenshot("major-decision-4-timeline-phone");
                b.click(By.linkText(meetingTitle));
                b.waitForUrl("detail.xhtml?id=" + meeting);
            });
        }
        // asked on the page, approved by a reviewer: the item stays listed, withdrawn, with the reason
        long id = Api.anonymous().get("/api/v1/major-decisions?year=" + year).json().getJsonArray("items").stream()
                .map(v -> (JsonObject) v).filter(o -> o.getString("title").equals(title)).mapToLong(Fixtures::id).findFirst().orElseThrow();
        try (Browser b = new Browser(1280, 900)) {
            b.journey("major-decision-withdraw", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/major-decisions.xhtml");
                b.select("catalogue:year", year);
                assertTrue(b.find(item).getText().contains("已退回（未公开）") && b.find(item).getText().contains("请附上风险评估报告"),
                        "the organiser sees the returned step and why: " + b.find(item).getText());
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '申请撤回')]"));
                b.find(By.id("withdrawForm:withdrawReason"));
                b.click(By.id("withdrawForm:confirmWithdraw"));
                b.waitForText("请填写撤回理由");
                b.type("withdrawForm:withdrawReason", "上级政策调整，本年度不再推进");
                b.click(By.id("withdrawForm:confirmWithdraw"));
                b.waitForText("撤回申请已提交审查");
                b.signOut();
                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/major-decisions.xhtml");
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '同意撤回')]"));
                assertTrue(b.find(By.cssSelector(".ui-confirm-dialog-message")).getText().contains("同意撤回"), "the confirm says what it does");
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("已同意撤回");
                b.signOut();
                b.open("/major-decisions/detail.xhtml?id=" + id);
                b.waitForText("已撤回");
                assertTrue(b.text().contains("上级政策调整，本年度不再推进"), b.text());
                b.screenshot("major-decision-5-withdrawn");
            });
        }
    }
}
