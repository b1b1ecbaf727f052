package cn.pujin.open.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message through the pages, as people use them: a citizen on a phone writes a question about lifts, sees the
 * demo's answered messages and FAQ entry on the subject while typing, sends it and reads when it will be acknowledged
 * and answered; the organiser acknowledges it with the standard reply and assigns it; the department's handler
 * answers it on the workbench (without an outcome it is refused); a reviewer publishes it; the citizen is told by mail,
 * reads the answer on a phone and rates it.
 */
class MessagePageIT {

    @Test
    void aCitizensMessageGoesFromThePhoneToAPublishedAnswerAndARating() {
        Api.Citizen citizen = Api.newCitizen("留言居民");
        String text = "我们楼想加装电梯，需要多少业主同意？一楼邻居不同意怎么办？（" + Fixtures.unique("页面") + "）";
        String secondTopic = Api.as("organiser").post("/api/v1/topics", jakarta.json.Json.createObjectBuilder()
                .add("name", Fixtures.unique("楼道")).build()).expect(201).json().getString("name");
        By article = By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]");
        long id;
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("message-citizen", () -> {
                b.signIn(citizen.phone(), "secret-pass-1");
                b.open("/messages/");
                b.waitForText("所有留言当天有回应");
                b.select("messageForm:topic", "加装电梯");
                b.type("messageForm:text", text);
                // similar answered messages and the FAQ entry of the demo, before sending
                b.waitForText("发送前，看看这些已答复的相似问题");
                assertTrue(b.find(By.id("messageForm:similar")).getText().contains("加装电梯需要多少居民同意"),
                        b.find(By.id("messageForm:similar")).getText());
                b.screenshot("message-1-write-phone");
                b.click(By.id("messageForm:send"));
                b.waitForText("留言已提交");
                assertTrue(b.text().contains("答复期限") && b.text().contains("确认收到期限"), b.text());
                b.screenshot("message-2-sent-phone");
            });
            id = citizen.api().get("/api/v1/me/messages").items().getJsonObject(0).getJsonNumber("id").longValue();
            JsonObject sent = citizen.api().get("/api/v1/messages/" + id).json();
            assertEquals("QUESTION", sent.getString("kind"));
            assertTrue(sent.getBoolean("public"));
            assertEquals("加装电梯", sent.getJsonArray("topics").getJsonObject(0).getString("name"));
            b.signOut();
            b.desktop();
            b.journey("message-staff", () -> {
                b.signIn("organiser", Api.PASSWORD);
                b.open("/organiser/");
                b.click(By.cssSelector("a[href$='/organiser/messages.xhtml']"));
                b.find(article);
                b.click(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//button[contains(., '发送标准回复')]"));
                b.waitForText("已回复“收到”");
                b.select(b.find(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//div[contains(@id,':department') and contains(@class,'ui-selectonemenu')]"))
                        .getAttribute("id"), "街道办公室");
                b.click(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//button[normalize-space(.)='交办']"));
                b.waitForText("已交办");
                // a second topic through the many-choice menu
                String menu = b.find(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//div[contains(@id,':tags') and contains(@class,'ui-selectcheckboxmenu')]"))
                        .getAttribute("id");
                b.click(By.id(menu));
                b.click(By.xpath("//div[@id='" + menu + "_panel']//li[.//label[normalize-space(.)='" + secondTopic + "']]//div[contains(@class,'ui-chkbox-box')]"));
                b.click(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//button[normalize-space(.)='保存主题']"));
                b.waitForText("主题已更新");
                b.screenshot("message-3-desk");
                b.signOut();

                b.signIn("handler", Api.PASSWORD);
                b.open("/handler/");
                b.click(By.cssSelector("nav.tabs a[href$='/handler/messages.xhtml']"));
                b.find(article);
                b.click(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//button[contains(., '提交答复')]"));
                b.waitForText("请选择采纳情况");
                b.select(b.find(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//div[contains(@id,':outcome') and contains(@class,'ui-selectonemenu')]"))
                        .getAttribute("id"), "采纳");
                b.type(b.find(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//textarea[contains(@id,':reason')]"))
                        .getAttribute("id"), "须经本幢楼三分之二以上业主参与表决、四分之三以上同意；一楼邻居的顾虑由居委会组织协商。");
                b.click(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//button[contains(., '提交答复')]"));
                b.waitForText("答复已提交审查");
                b.signOut();

                b.signIn("reviewer", Api.PASSWORD);
                b.open("/review/");
                b.click(By.cssSelector("nav.tabs a[href$='/review/messages.xhtml']"));
                b.click(By.xpath("//article[contains(., '" + text.substring(0, 12) + "')]//button[contains(., '通过并公开')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("审查通过，答复已告知留言人");
                b.signOut();
            });
            assertTrue(Mailbox.textPart(Mailbox.await(citizen.email(), "LY" + id + " 已有答复")).contains("四分之三以上同意"));
            b.phone(390, 844);
            b.journey("message-rating", () -> {
                b.signIn(citizen.phone(), "secret-pass-1");
                b.open("/messages/");
                b.click(By.linkText("LY" + id));
                b.waitForText("受理回复");
                String page = b.text();
                assertTrue(page.contains("LY" + id + "）已收到") && page.contains("四分之三以上同意") && page.contains("采纳"), page);
                b.click(By.xpath("//form[@id='rating']//div[contains(@class,'ui-rating')]//div[contains(@class,'ui-rating-star')][5]/a"));
                b.type("rating:ratingComment", "答复清楚");
                b.click(By.id("rating:rate"));
                b.waitForText("您的评价：5 星");
                b.screenshot("message-4-answer-phone");
                // the answered message is public on the board, the name masked
                b.signOut();
                b.open("/messages/");
                assertTrue(b.text().contains(text.substring(0, 12)) && b.text().contains("留**民"), "listed with the author masked");
            });
        }
        JsonObject done = citizen.api().get("/api/v1/messages/" + id).json();
        assertEquals(5, done.getInt("rating"));
        assertEquals(java.util.Set.of("加装电梯", secondTopic), done.getJsonArray("topics").stream()
                .map(t -> t.asJsonObject().getString("name")).collect(java.util.stream.Collectors.toSet()));
    }
}
