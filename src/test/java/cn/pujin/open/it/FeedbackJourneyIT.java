package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a representative comments on an agenda item from the event's page, the department's
 * handler answers on the handler page, a reviewer publishes it, the representative sees the answer and rates
 * it, and the public feedback page shows it under a masked name.
 */
class FeedbackJourneyIT {

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    @Test
    void representativeCommentsHandlerAnswersReviewerPublishesRepresentativeRates() {
        String title = unique("口袋公园改造决策会");
        JsonObject draft = Fixtures.startingSoon(title).build();
        long event = id(Api.as("organiser").post("/api/v1/events", draft).expect(201).json());
        Api.as("organiser").post("/api/v1/events/" + event + "/agenda-items",
                Json.createObjectBuilder().add("title", "夜间照明改造方案").add("summary", "照明布点和开关时间").build()).expect(201);
        Api.as("organiser").post("/api/v1/events/" + event + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + event + "/approve").expect(200);
        Api.Citizen representative = Api.newCitizen("赵建华");
        PassesIT.register(representative, event);
        SuggestionsIT.Handler handler = SuggestionsIT.handler("钱承办", false);
        // the meeting is under way
        SuggestionsIT.clock(OffsetDateTime.parse(draft.getString("startsAt")).plusMinutes(30).toString());

        String text = "建议庭院灯采用暖色光源，并在二十三点后调暗 " + title;
        String reason = "采用暖色光源；为保障夜间通行安全，二十三点后调为节能模式。";
        try (Browser b = new Browser(1280, 900)) {
            b.journey("feedback", () -> {
                b.signIn(representative.phone(), "secret-pass-1");
                b.open("/events/detail.xhtml?id=" + event);
                b.select("suggestion:agendaItem", "夜间照明改造方案");
                b.type("suggestion:text", text);
                b.click(By.id("suggestion:send"));
                b.waitForText("已提交，编号");
                b.screenshot("feedback-1-suggestion-sent");
                b.signOut();

                long id = Api.as("organiser").get("/api/v1/events/" + event + "/suggestions").expect(200).json()
                        .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
                Api.as("organiser").post("/api/v1/suggestions/" + id + "/assign",
                        Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);

                b.signIn(handler.person().phone(), "secret-pass-1");
                b.open("/handler/");
                b.waitForText(text);
                b.click(By.xpath("//article[contains(., '" + title + "')]//button[contains(., '答复')]"));
                b.waitUntil(() -> b.find(By.id("answeredText")).getText().contains(text)); // the dialog says what is answered
                // sent without an outcome: the choices are named by their labels, once, under the field
                b.click(By.id("answerForm:submitAnswer"));
                b.find(By.cssSelector("[id='answerForm:outcome'] ~ .ui-message-error, .ui-message-error"));
                String dialog = b.find(By.id("answerForm")).getText();
                assertTrue(dialog.contains("采纳、部分采纳、未采纳、解释说明"), dialog);
                assertTrue(!dialog.contains("PARTLY_ADOPTED"), dialog);
                assertEquals(1, dialog.split("部分采纳、未采纳", -1).length - 1, "said once: " + dialog);
                assertEquals(1, b.text().split("部分采纳、未采纳", -1).length - 1, "once on the whole page: " + b.text());
                b.screenshot("feedback-1b-answer-without-outcome");
                b.click(By.xpath("//div[@id='answerForm:outcome']//label[contains(., '部分采纳')]"));
                b.type("answerForm:reason", reason);
                b.click(By.id("answerForm:submitAnswer"));
                b.waitForText("答复已提交审查");
                b.screenshot("feedback-2-handler-answered");
                b.signOut();

                b.signIn("reviewer", "Demo#2026");
                b.open("/review/suggestions.xhtml");
                b.waitForText(text);
                b.click(By.xpath("//article[contains(., '" + title + "')]//button[contains(., '审查通过并公开')]"));
                b.click(By.cssSelector("button.ui-confirmdialog-yes"));
                b.waitForText("已审查通过并公开");
                b.signOut();

                b.signIn(representative.phone(), "secret-pass-1");
                b.open("/me/suggestions.xhtml");
                b.waitForText(reason);
                assertTrue(b.text().contains("部分采纳"));
                b.click(By.xpath("//article[contains(., '" + title + "')]//div[contains(@class,'ui-rating')]//div[contains(@class,'ui-rating-star')][4]/a"));
                b.click(By.xpath("//article[contains(., '" + title + "')]//button[contains(., '提交评价')]"));
                b.waitForText("感谢您的评价");
                b.waitForText("您的评价：4 星");
                b.screenshot("feedback-3-rated");
                b.signOut();

                b.open("/open/feedback.xhtml?event=" + event);
                b.waitForText(reason);
                assertTrue(b.text().contains("赵*华"), "the author is shown masked");
                assertFalse(b.text().contains("赵建华"), "never the full name");
                b.screenshot("feedback-4-public");
            });
        }
    }
}
