package cn.pujin.open.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pass of a confirmed registration: token, QR image, printable PDF, mail attachment, who may see it. */
class PassesIT {

    static final JsonObject EMPTY = Json.createObjectBuilder().build();

    static long register(Api.Citizen c, long eventId) {
        return id(c.api().post("/api/v1/events/" + eventId + "/registrations", EMPTY).expect(201).json());
    }

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    }

    @Test
    void confirmedRegistrationHasSignedPassAsQrAndPdf() throws Exception {
        String title = unique("入场凭证测试 浦锦城运中心");
        long eventId = id(Fixtures.published(openDay(title, 12)));
        Api.Citizen citizen = Api.newCitizen("凭证张三丰");
        long registrationId = register(citizen, eventId);

        JsonObject pass = citizen.api().get("/api/v1/registrations/" + registrationId + "/pass").expect(200).json();
        String token = pass.getString("token");
        assertEquals(116, token.length(), token);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe: " + token);
        assertEquals("凭***丰", pass.getString("name"), "masked name");
        assertEquals(title, pass.getString("eventTitle"));
        assertEquals(1, pass.getInt("serial"));

        byte[] png = citizen.api().bytes("/api/v1/registrations/" + registrationId + "/pass.png?size=256");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(256, image.getWidth());
        assertEquals(token, decodeQr(png), "the QR decodes back to the token");
        assertEquals(token, decodeQr(citizen.api().bytes("/api/v1/registrations/" + registrationId + "/pass.png")));
        citizen.api().get("/api/v1/registrations/" + registrationId + "/pass.png?size=127").problem(400, "VALIDATION_FAILED");
        citizen.api().get("/api/v1/registrations/" + registrationId + "/pass.png?size=1025").problem(400, "VALIDATION_FAILED");
        citizen.api().get("/api/v1/registrations/" + registrationId + "/pass.png?size=big").problem(400, "VALIDATION_FAILED");

        for (String paper : new String[]{"", "?paper=A4"}) {
            byte[] pdf = citizen.api().bytes("/api/v1/registrations/" + registrationId + "/pass.pdf" + paper);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertEquals(1, doc.getNumberOfPages());
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
                assertTrue(text.contains(title.replaceAll("\\s+", "")), "the PDF's text has the Chinese title: " + text);
                assertTrue(text.contains(pass.getString("number")), text);
                assertTrue(text.contains(pass.getString("name")), text);
                assertTrue(doc.getPage(0).getResources().getFontNames().iterator().hasNext(), "an embedded font");
            }
            assertEquals(List.of(), Pdfs.read(pdf).undrawn(), "every Chinese character has a glyph to draw");
        }

        // the organiser may fetch it, another citizen and anonymous may not
        assertEquals(token, Api.as("organiser").get("/api/v1/registrations/" + registrationId + "/pass").expect(200).json().getString("token"));
        Api.newCitizen("旁人").api().get("/api/v1/registrations/" + registrationId + "/pass").problem(404, "NOT_FOUND");
        Api.newCitizen("旁人二").api().get("/api/v1/registrations/" + registrationId + "/pass.png").expect(404);
        Api.anonymous().get("/api/v1/registrations/" + registrationId + "/pass").expect(401);
    }

    @Test
    void confirmationMailCarriesThePass() throws Exception {
        long eventId = id(Fixtures.published(openDay(unique("凭证邮件"), 12)));
        Api.Citizen citizen = Api.newCitizen("邮件李四");
        long registrationId = register(citizen, eventId);
        String token = citizen.api().get("/api/v1/registrations/" + registrationId + "/pass").expect(200).json().getString("token");
        MimeMessage mail = Mailbox.await(citizen.email(), "报名成功");
        byte[] attached = Mailbox.attachment(mail, "pass.png");
        assertNotNull(attached, "pass.png attached");
        assertEquals(token, decodeQr(attached));
    }

    @Test
    void reissueAndCancelRevokeTheOldPass() {
        long eventId = id(Fixtures.published(openDay(unique("凭证重发"), 12).add("capacity", 1)));
        Api.Citizen first = Api.newCitizen("重发王五");
        long registrationId = register(first, eventId);
        Api.Citizen second = Api.newCitizen("候补赵六");
        long waiting = register(second, eventId);
        second.api().get("/api/v1/registrations/" + waiting + "/pass").problem(409, "NO_PASS");

        String old = first.api().get("/api/v1/registrations/" + registrationId + "/pass").json().getString("token");
        JsonObject reissued = first.api().post("/api/v1/registrations/" + registrationId + "/pass/reissue", EMPTY).expect(200).json();
        assertEquals(2, reissued.getInt("serial"));
        assertNotEquals(old, reissued.getString("token"));

        JsonObject key = Api.as("organiser").get("/api/v1/events/" + eventId + "/verification-key").expect(200).json();
        long oldPassId = key.getJsonArray("revoked").getJsonNumber(0).longValue();
        assertTrue(oldPassId > 0);

        first.api().post("/api/v1/registrations/" + registrationId + "/cancel", EMPTY).expect(200);
        first.api().get("/api/v1/registrations/" + registrationId + "/pass").problem(409, "NO_PASS");
        // the promoted person has a pass now
        assertEquals(116, second.api().get("/api/v1/registrations/" + waiting + "/pass").expect(200).json().getString("token").length());
        JsonObject after = Api.as("organiser").get("/api/v1/events/" + eventId + "/verification-key").expect(200).json();
        assertEquals(2, after.getJsonArray("revoked").size(), after.toString());
    }

    @Test
    void tenReissuesAtOnceGiveOneNewPassAndConflictsNeverA500() throws Exception {
        long eventId = id(Fixtures.published(openDay(unique("并发重发"), 12)));
        Api.Citizen holder = Api.newCitizen("并发重发者");
        long registrationId = register(holder, eventId);
        String original = holder.api().get("/api/v1/registrations/" + registrationId + "/pass").expect(200).json().getString("token");
        var pool = Executors.newFixedThreadPool(10);
        var go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return holder.api().post("/api/v1/registrations/" + registrationId + "/pass/reissue", EMPTY);
            }));
        }
        go.countDown();
        List<String> issued = new ArrayList<>();
        int conflicts = 0;
        for (var answer : answers) {
            Api.Response r = answer.get();
            if (r.status() == 200) {
                issued.add(r.json().getString("token"));
            } else {
                r.problem(409, "PASS_CHANGED");
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, issued.size(), "one new pass, the other nine 409");
        assertEquals(9, conflicts);
        String current = holder.api().get("/api/v1/registrations/" + registrationId + "/pass").expect(200).json().getString("token");
        assertTrue(issued.contains(current), "the valid pass is one that was answered");
        assertNotEquals(original, current);
        JsonObject key = Api.as("organiser").get("/api/v1/events/" + eventId + "/verification-key").expect(200).json();
        assertEquals(issued.size(), key.getJsonArray("revoked").size(), "every pass but the current one is revoked: " + key);
        System.out.println("PassesIT: 10 reissues at once -> " + issued.size() + " issued, " + conflicts + " conflicts (409 PASS_CHANGED)");
    }

    @Test
    void rotatingKeysExpiresOldTokensAndReissuesValidPasses() {
        long eventId = id(Fixtures.published(Fixtures.startingSoon(unique("换钥测试"))));
        CheckInIT.Attendee a = CheckInIT.attendee(eventId, "换钥者");
        Api door = Api.bearer(CheckInIT.station(eventId, "换钥门").getString("key"));
        Api.as("organiser").post("/api/v1/pass-keys/rotate", EMPTY).expect(403);

        // a routine rotation: the new key signs, the old one still verifies
        JsonObject routine = Api.as("admin").post("/api/v1/pass-keys/rotate", EMPTY).expect(200).json();
        assertEquals(0, routine.getInt("passesReissued"));
        CheckInIT.Attendee b = CheckInIT.attendee(eventId, "新钥者");
        assertEquals("ADMITTED", CheckInIT.scan(door, b.token(), CheckInIT.nonce()).getString("verdict"));

        // a leak: old keys expire at once, the valid passes of coming events are re-signed
        JsonObject leak = Api.as("admin").post("/api/v1/pass-keys/rotate",
                Json.createObjectBuilder().add("expireOthers", true).build()).expect(200).json();
        assertTrue(leak.getInt("passesReissued") >= 1, leak.toString());
        JsonObject old = CheckInIT.scan(door, a.token(), CheckInIT.nonce());
        assertEquals("INVALID_SIGNATURE", old.getString("verdict"), "a token of an expired key");
        JsonObject fresh = a.citizen().api().get("/api/v1/registrations/" + a.registrationId() + "/pass").expect(200).json();
        assertNotEquals(a.token(), fresh.getString("token"));
        assertEquals("ADMITTED", CheckInIT.scan(door, fresh.getString("token"), CheckInIT.nonce()).getString("verdict"));
        var keys = Api.as("admin").get("/api/v1/pass-keys").expect(200).jsonArray();
        assertEquals(1, keys.stream().filter(k -> k.asJsonObject().getBoolean("signing")).count());
    }
}
