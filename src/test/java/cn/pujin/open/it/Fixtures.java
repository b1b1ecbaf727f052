package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Event drafts for tests; each title is unique so tests never see each other's data. */
public final class Fixtures {

    public static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {}

    public static String unique(String title) {
        return title + " #" + System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet();
    }

    /** An offline open day in {@code daysAhead} days, 09:30–11:30 Shanghai time. */
    public static JsonObjectBuilder openDay(String title, int daysAhead) {
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead).withHour(9).withMinute(30);
        return Json.createObjectBuilder()
                .add("kind", "OPEN_DAY").add("title", title).add("summary", "测试摘要 " + title)
                .add("description", "<p>介绍</p>").add("mode", "OFFLINE").add("venue", "浦锦街道城运中心")
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString())
                .add("capacity", 40).add("waitlist", true);
    }

    /** An open day starting within the hour, so its check-in window (2 hours before start) is open now. */
    public static JsonObjectBuilder startingSoon(String title) {
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES).plusMinutes(50);
        return openDay(title, 0).add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString());
    }

    /** Creates, submits and approves an event: organiser writes, reviewer publishes. Returns the event. */
    public static JsonObject published(JsonObjectBuilder draft) {
        return published(draft, null);
    }

    /**
     * A meeting published with its selection rule (and seed source) set while it is a draft: once applications open
     * the rule is locked.
     */
    public static JsonObject published(JsonObjectBuilder draft, JsonObject selectionRule) {
        JsonObject created = Api.as("organiser").post("/api/v1/events", draft.build()).expect(201).json();
        long id = created.getJsonNumber("id").longValue();
        if (selectionRule != null) {
            Api.as("organiser").put("/api/v1/events/" + id + "/selection-rule", selectionRule).expect(200);
        }
        Api.as("organiser").post("/api/v1/events/" + id + "/submit").expect(200);
        return Api.as("reviewer").post("/api/v1/events/" + id + "/approve").expect(200).json();
    }

    public static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    /** A raw 32-byte Ed25519 public key as the JDK's provider takes it (X.509 prefix + key). */
    public static PublicKey jdkEd25519(byte[] raw) throws GeneralSecurityException {
        byte[] prefix = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");
        byte[] x509 = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, x509, prefix.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }
}
