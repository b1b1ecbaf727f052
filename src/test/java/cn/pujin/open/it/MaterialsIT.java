package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meeting materials on time: organisers upload PDF, Word, Excel or images (judged by their bytes), an agenda item links
 * to them, they are public once an approved version of the meeting does, the selected representatives are told, and
 * a meeting whose materials are not public N working days before it is flagged late. Publishing a decision tells
 * those who attended.
 */
class MaterialsIT {

    private static final Api ORGANISER = Api.as("organiser");
    private static final String STATEMENT = "我住在加装电梯试点小区，家中有行动不便的老人，希望就推进方案发表意见。";

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    static byte[] office(String part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static Api.Response upload(long meeting, String name, byte[] content) {
        return ORGANISER.raw("POST", "/api/v1/events/" + meeting + "/materials?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                "application/octet-stream", content);
    }

    @Test
    void materialsAreUploadedLinkedPublishedOnTimeOrFlaggedAndTheSelectedAreTold() throws IOException {
        long meeting = id(Fixtures.published(openDay(unique("材料会议"), 3).add("kind", "DECISION_MEETING").add("capacity", 2),
                Json.createObjectBuilder().add("seats", 1).build()));
        long item = id(ORGANISER.post("/api/v1/events/" + meeting + "/agenda-items",
                Json.createObjectBuilder().add("title", "社区微更新方案").add("summary", "方案说明").build()).expect(201).json());
        Api.Citizen rep = Api.newCitizen("材料代表");
        long application = id(rep.api().post("/api/v1/events/" + meeting + "/registrations", Json.createObjectBuilder()
                .add("category", "RESIDENT").add("statement", STATEMENT).build()).expect(201).json());
        ORGANISER.post("/api/v1/registrations/" + application + "/approve").expect(200);
        ORGANISER.post("/api/v1/events/" + meeting + "/selection", Json.createObjectBuilder().add("seed", "材料").build()).expect(200);
        ORGANISER.post("/api/v1/events/" + meeting + "/selection/publish").expect(200);

        JsonObject before = ORGANISER.get("/api/v1/events/" + meeting + "/materials").expect(200).json();
        assertTrue(before.getBoolean("late"), "three days ahead, due five working days before: " + before);
        assertFalse(before.containsKey("publishedAt") && !before.isNull("publishedAt"), before.toString());

        assertEquals(List.of("file"), upload(meeting, "notes.txt", "就是一段文字".getBytes(StandardCharsets.UTF_8)).errorFields());
        assertEquals(List.of("file"), upload(meeting, "fake.docx", office("other/thing.xml")).errorFields(),
                "a ZIP that is no Word or Excel document");
        upload(meeting, "big.pdf", new byte[5 * 1024 * 1024 + 1]).problem(413, "PAYLOAD_TOO_LARGE");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                upload(meeting, "方案.docx", office("word/document.xml")).expect(201).json().getString("mediaType"));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                upload(meeting, "预算.xlsx", office("xl/workbook.xml")).expect(201).json().getString("mediaType"));
        JsonObject pdf = upload(meeting, "../../etc/方案说明.pdf", "%PDF-1.4\n%测试\n".getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertEquals("方案说明.pdf", pdf.getString("fileName"), "no path in a stored name");
        String url = pdf.getString("url");
        Api.anonymous().get(url).problem(404, "NOT_FOUND");
        Api.as("reviewer").get(url).expect(200);

        ORGANISER.put("/api/v1/events/" + meeting + "/agenda-items/" + item, Json.createObjectBuilder().add("title", "社区微更新方案")
                .add("summary", "方案说明").add("materials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "微更新方案说明").add("url", TestApp.get().baseUrl + url))).build()).expect(200);
        ORGANISER.post("/api/v1/events/" + meeting + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + meeting + "/approve").expect(200);

        Api.Response file = Api.anonymous().get(url).expect(200);
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        MimeMessage told = Mailbox.await(rep.email(), "会议材料已公开");
        assertTrue(Mailbox.textPart(told).contains("微更新方案说明"), Mailbox.textPart(told));
        JsonObject after = ORGANISER.get("/api/v1/events/" + meeting + "/materials").expect(200).json();
        assertFalse(after.isNull("publishedAt"), after.toString());
        assertTrue(after.getBoolean("late"), "published, but after the due date: " + after);
        assertEquals(3, after.getJsonArray("files").size());

        // the meeting takes place: the representative is admitted; then its decision is published and they are told
        JsonObject e = ORGANISER.get("/api/v1/events/" + meeting).json();
        OffsetDateTime start = OffsetDateTime.parse(e.getString("startsAt"));
        SuggestionsIT.clock(start.plusMinutes(10).toString());
        JsonObject admitted = ORGANISER.post("/api/v1/checkins/manual", Json.createObjectBuilder().add("registrationId", application)
                .add("nonce", CheckInIT.nonce()).add("eventId", meeting).build()).expect(200).json();
        assertEquals("ADMITTED", admitted.getString("verdict"), admitted.toString());
        SuggestionsIT.clock(OffsetDateTime.parse(e.getString("endsAt")).plusMinutes(5).toString());
        upload(meeting, "late.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)).problem(409, "MEETING_OVER");
        ORGANISER.put("/api/v1/events/" + meeting + "/decisions/" + item,
                Json.createObjectBuilder().add("text", "同意社区微更新方案，下月启动。").build()).expect(200);
        Api.as("reviewer").post("/api/v1/events/" + meeting + "/decisions/" + item + "/publish").expect(200);
        assertTrue(Mailbox.textPart(Mailbox.await(rep.email(), "会议议定结果已公开")).contains("社区微更新方案"));
    }

    @Test
    void aMeetingWithMaterialsPublishedInTimeIsNotLateAndOpenDaysHaveNoRule() {
        long meeting = id(Fixtures.published(openDay(unique("准时材料会议"), 30).add("kind", "DECISION_MEETING").add("capacity", 2)));
        JsonObject status = ORGANISER.get("/api/v1/events/" + meeting + "/materials").expect(200).json();
        assertFalse(status.getBoolean("late"), status.toString());
        assertTrue(LocalDate.parse(status.getString("dueOn")).isBefore(
                OffsetDateTime.parse(ORGANISER.get("/api/v1/events/" + meeting).json().getString("startsAt")).toLocalDate().minusDays(4)),
                "five working days before is at least five days before: " + status);
        long openDay = id(Fixtures.published(openDay(unique("无材料规则的开放日"), 30)));
        ORGANISER.get("/api/v1/events/" + openDay + "/materials").problem(409, "NOT_A_MEETING");
        upload(openDay, "a.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)).problem(409, "NOT_A_MEETING");
    }
}
