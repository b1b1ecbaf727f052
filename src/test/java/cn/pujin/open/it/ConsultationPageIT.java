package cn.pujin.open.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consultation through its pages, as people use them: an organiser publishes a catalogue item and a draft of it with
 * its interpretation (without one, the submission is refused on the page), a reviewer publishes both; a citizen on a
 * phone comments on paragraph 3 and sees the count beside it; after the period the organiser groups the comment for a
 * department, whose handler answers it on the workbench (an answer without an outcome is refused), a reviewer shows the
 * comment and publishes the answer, the citizen is told by mail, reads the adoption report and rates it.
 */
class ConsultationPageIT {

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    @Test
    void aDraftGoesFromTheOrganiserToACitizensCommentAndTheAdoptionReport() {
        LocalDate today = LocalDate.now(Fixtures.SHANGHAI);
        String year = String.valueOf(today.getYear() + 1);
        String item = unique("老旧小区加装电梯实施办法");
        String title = unique("加装电梯管理办法（征求意见稿）");
        String topic = unique("电梯");
        By card = By.xpath("//article[.//h2[contains(., '" + title + "')]]");
        Api.Citizen citizen = Api.newCitizen("征求意见居民");
        try (Browser b = new Browser(1280, 900)) {
            b.journey("consultation-staff", () -> {
                // the catalogue item
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/major-decisions.xhtml");
                b.select("catalogue:year", year);
                b.click(By.id("toolbar:newItem"));
                b.type("itemForm:title", item);
                b.type("itemForm:department", "街道管理办");
                b.type("itemForm:plannedPeriod", year + "年全年");
                b.type("itemForm:legalBasis", "《重大行政决策程序暂行条例》第三条");
                b.type("itemForm:reason", "居民加装电梯需求集中，年中纳入目录");
                b.click(By.id("itemForm:saveItem"));
                b.waitForText("决策事项已保存");
                b.click(By.xpath("//article[.//h2[contains(., '" + item + "')]]//button[contains(., '提交审查')]"));
                b.waitForText("已提交审查");
                b.signOut();
                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/major-decisions.xhtml");
                b.click(By.xpath("//article[.//h2[contains(., '" + item + "')]]//button[contains(., '通过并公开')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("已审查通过并公开");
                b.signOut();

                // the draft: without its interpretation it cannot go to review
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/");
                b.click(By.cssSelector("a[href$='/organiser/consultations.xhtml']"));
                b.click(By.id("toolbar:newDraft"));
                b.type("draftForm:title", title);
                b.select("draftForm:majorDecision", item);
                b.type("draftForm:newTopic", topic);
                b.type("draftForm:paragraphs", String.join("\n\n", "第一条 为规范加装电梯工作，制定本办法。",
                        "第二条 本办法适用于四层及以上未设电梯的住宅。", "第三条 费用由业主按楼层分摊，一楼业主原则上不分摊。",
                        "第四条 街道对通过验收的电梯给予补贴。"));
                b.typeDate("draftForm:opensAt_input", today + " 00:00");
                b.typeDate("draftForm:closesAt_input", today.plusDays(10) + " 17:00");
                b.click(By.id("draftForm:saveDraft"));
                b.waitForText("征求意见期不少于 30 天");
                b.typeDate("draftForm:closesAt_input", today.plusDays(31) + " 17:00");
                b.type("draftForm:organisations", "塘口居委会\n浦锦商会");
                b.screenshot("consultation-1-draft-form");
                b.click(By.id("draftForm:saveDraft"));
                b.waitForText("征求意见稿已保存");
                b.find(card);
                assertTrue(b.find(card).getText().contains("尚未填写政策解读"), b.find(card).getText());
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '提交审查')]"));
                b.waitForText("须同时发布政策解读");
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '编辑')]"));
                b.find(By.id("draftForm:interpretation"));
                b.type("draftForm:interpretation", "本办法回应居民加装电梯的集中诉求，明确资金分摊和补贴标准。");
                b.click(By.id("draftForm:saveDraft"));
                b.waitForText("征求意见稿已保存");
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '提交审查')]"));
                b.waitForText("已提交审查");
                b.signOut();

                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/");
                b.click(By.cssSelector("a[href$='/review/consultations.xhtml']"));
                b.click(By.xpath("//article[.//h3[contains(., '" + title + "')]]//button[contains(., '通过并公开')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("草案与政策解读已公开");
                b.signOut();
            });
            long id = Api.anonymous().get("/api/v1/consultations?status=OPEN").jsonArray().stream().map(v -> (JsonObject) v)
                    .filter(o -> o.getString("title").equals(title)).mapToLong(Fixtures::id).findFirst().orElseThrow();
            b.phone(390, 844);
            b.journey("consultation-citizen", () -> {
                b.signIn(citizen.phone(), "secret-pass-1");
                b.open("/");
                b.click(By.linkText(title));
                b.waitForText("政策解读");
                assertTrue(b.text().contains("明确资金分摊和补贴标准"), "the interpretation beside the draft");
                // the catalogue item and its consultation name each other
                b.click(By.linkText(item));
                b.waitForText("草案征求意见");
                b.click(By.linkText(title));
                b.waitForText("政策解读");
                b.click(By.xpath("//li[@id='paragraph-3']//a[contains(., '对第3段提意见')]"));
                b.find(By.id("commentForm:text"));
                assertTrue(b.find(By.id("commentForm:paragraph_label")).getText().contains("第3段"), "paragraph 3 chosen");
                b.type("commentForm:text", "建议明确二楼业主的分摊比例上限。");
                b.screenshot("consultation-2-comment-phone");
                b.click(By.id("commentForm:send"));
                b.waitForText("意见已提交");
                assertEquals("1", b.find(By.cssSelector("#paragraph-3 [data-comments]")).getAttribute("data-comments"));
                // a second comment from the page's plain address (no paragraph chosen by a link): the page reloads too
                b.open("/consultations/detail.xhtml?id=" + id);
                b.type("commentForm:text", "整体赞成，希望尽快实施。");
                b.click(By.id("commentForm:send"));
                b.waitUntil(() -> b.text().contains("整体赞成，希望尽快实施") && b.text().contains("对全文的意见：1 条"));
                b.screenshot("consultation-3-counted-phone");
            });
            // after the period: grouped and answered by the organiser, published by a reviewer
            SuggestionsIT.clock(OffsetDateTime.now(Fixtures.SHANGHAI).plusDays(33).toString());
            b.signOut();
            b.desktop();
            b.journey("consultation-report", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/consultations.xhtml");
                b.click(By.xpath("//article[.//h2[contains(., '" + title + "')]]//button[contains(., '意见与答复')]"));
                b.click(By.xpath("//table[contains(@id,'chosen')]//label[contains(., '二楼业主')]"));
                b.type("work:groupTitle", "分摊比例");
                b.select("work:department", "街道办公室");
                b.click(By.id("work:group"));
                b.waitForText("已归类并交办");
                assertTrue(b.text().contains("第3段 · 街道办公室"), "the group takes its comment's paragraph");
                b.signOut();
                // the department's handler answers on their workbench
                b.signIn("handler", Api.PASSWORD);
                b.open("/handler/");
                b.click(By.cssSelector("nav.tabs a[href$='/handler/consultations.xhtml']"));
                b.find(By.xpath("//article[contains(., '分摊比例')][contains(., '二楼业主')]"));
                b.click(By.xpath("//button[contains(., '提交答复')]"));
                b.waitForText("请选择采纳情况");
                b.select(b.find(By.xpath("//div[contains(@id,':outcome') and contains(@class,'ui-selectonemenu')]")).getAttribute("id"), "部分采纳");
                b.type(b.find(By.xpath("//textarea[contains(@id,':reason')]")).getAttribute("id"), "二楼业主分摊比例上限定为百分之十五，写入第三条。");
                b.screenshot("consultation-4-answer");
                b.click(By.xpath("//button[contains(., '提交答复')]"));
                b.waitForText("答复已提交");
                b.signOut();
                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/consultations.xhtml");
                b.click(By.xpath("//article[contains(., '二楼业主')]//button[normalize-space(.)='公开']"));
                b.waitForText("该意见已公开");
                b.click(By.xpath("//article[.//h3[contains(., '分摊比例')]]//button[contains(., '公开答复')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("答复已公开");
                b.signOut();
            });
            assertTrue(Mailbox.textPart(Mailbox.await(citizen.email(), "已有答复")).contains("百分之十五"));
            b.phone(390, 844);
            b.journey("consultation-rating", () -> {
                b.signIn(citizen.phone(), "secret-pass-1");
                b.open("/consultations/detail.xhtml?id=" + id);
                b.waitForText("意见采纳情况");
                String page = b.text();
                assertTrue(page.contains("分摊比例") && page.contains("部分采纳") && page.contains("百分之十五"), page);
                assertTrue(b.find(By.cssSelector("ul.comment-list")).getText().contains("二楼业主"), "the comment is public after review");
                b.click(By.xpath("//form[@id='mine']//div[contains(@class,'ui-rating')]//div[contains(@class,'ui-rating-star')][4]/a"));
                b.type(b.find(By.xpath("//form[@id='mine']//input[contains(@id,'ratingComment')]")).getAttribute("id"), "满意");
                b.click(By.xpath("//form[@id='mine']//button[contains(., '提交评价')]"));
                b.waitForText("4 星 · 满意");
                b.screenshot("consultation-5-report-phone");
            });
        }
        assertEquals(List.of(4), citizen.api().get("/api/v1/me/consultation-comments").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.containsKey("rating")).map(c -> c.getInt("rating")).toList());
    }
}
