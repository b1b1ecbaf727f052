package cn.pujin.open.bench;

import cn.pujin.open.it.Api;
import cn.pujin.open.it.Fixtures;
import cn.pujin.open.it.TestApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash safety: the app on PostgreSQL takes a registration rush (plus check-ins and suggestions at the same time),
 * is killed with SIGKILL in the middle, and is started again. Then every answer the clients got is checked against
 * the database: each registration answered 201 is stored with the status it was answered with, no event is over
 * capacity, the waitlist is in order, every mail owed is sent after the restart (outbox), and no check-in or
 * suggestion that was acknowledged is missing. Prints the counts; exits 1 if anything is lost.
 *
 * <p>{@code bench/crash-safety [clients]} runs it (default 300).
 */
public final class CrashSafety {

    record Answered(long registrationId, long accountId, String status, String email) {}

    public static void main(String[] args) {
        try {
            System.exit(run(args.length > 0 ? Integer.parseInt(args[0]) : 300) ? 0 : 1);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    public static boolean run(int n) throws Exception {
        TestApp app = TestApp.get();
        System.out.println("app on " + app.baseUrl + ", database " + app.jdbcUrl);
        int capacity = Math.max(1, n / 6);
        String title = Fixtures.unique("崩溃演练");
        long hot = Fixtures.id(Fixtures.published(Fixtures.openDay(title, 20).add("capacity", capacity).add("waitlist", true)));
        // an event under way: its attendees are scanned in and comment while the rush runs
        OffsetDateTime start = OffsetDateTime.now(Fixtures.SHANGHAI).plusMinutes(50).withNano(0);
        long live = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("崩溃演练现场"), 0)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).add("capacity", 200)));
        List<Api.Citizen> citizens = Collections.synchronizedList(new ArrayList<>());
        List<String[]> attendees = Collections.synchronizedList(new ArrayList<>()); // {registrationId, token}
        List<Api.Citizen> attending = Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(8);
        for (int i = 0; i < n; i++) {
            int k = i;
            setup.submit(() -> citizens.add(Api.newCitizen("演练" + k)));
        }
        for (int i = 0; i < n / 5; i++) {
            int k = i;
            setup.submit(() -> {
                Api.Citizen c = Api.newCitizen("到场" + k);
                long r = Fixtures.id(c.api().post("/api/v1/events/" + live + "/registrations", Json.createObjectBuilder().build())
                        .expect(201).json());
                String token = c.api().get("/api/v1/registrations/" + r + "/pass").expect(200).json().getString("token");
                attendees.add(new String[]{String.valueOf(r), token});
                attending.add(c);
                return null;
            });
        }
        setup.shutdown();
        setup.awaitTermination(10, TimeUnit.MINUTES);
        String stationKey = Api.as("organiser").post("/api/v1/events/" + live + "/stations",
                Json.createObjectBuilder().add("name", "演练入口").build()).expect(201).json().getString("key");
        // the world's time: ten minutes into the live event (the rush event's registration is open all the while)
        OffsetDateTime now = start.plusMinutes(10);
        long shiftedAt = System.nanoTime();
        Api.as("organiser").put("/api/v1/platform/clock", Json.createObjectBuilder().add("now", now.toString()).build()).expect(200);

        Map<Long, Answered> registrations = new ConcurrentHashMap<>();
        Map<String, String> checkins = new ConcurrentHashMap<>();   // nonce → verdict
        Map<Long, String> suggestions = new ConcurrentHashMap<>();  // id → text
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        int killAfter = Integer.getInteger("crash.after", (n + 2 * attendees.size()) / 2);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch doors = new CountDownLatch(1); // the live event's scans and comments start a moment earlier
        CountDownLatch killNow = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(n + attendees.size());
        for (Api.Citizen c : citizens) {
            clients.submit(() -> {
                go.await();
                try {
                    Api.Response r = c.api().post("/api/v1/events/" + hot + "/registrations", Json.createObjectBuilder().build());
                    if (r.status() == 201) {
                        JsonObject body = r.json();
                        registrations.put(Fixtures.id(body), new Answered(Fixtures.id(body), c.id(), body.getString("status"), c.email()));
                    } else {
                        refused.merge("registration " + r.status(), 1, Integer::sum);
                    }
                } catch (RuntimeException connectionLost) {
                    failed.incrementAndGet();
                }
                if (answered.incrementAndGet() == killAfter) {
                    killNow.countDown();
                }
                return null;
            });
        }
        Api station = Api.bearer(stationKey);
        for (int i = 0; i < attendees.size(); i++) {
            String[] a = attendees.get(i);
            Api.Citizen c = attending.get(i);
            clients.submit(() -> {
                doors.await();
                try {
                    String nonce = UUID.randomUUID().toString();
                    Api.Response scan = station.post("/api/v1/checkins", Json.createObjectBuilder().add("token", a[1]).add("nonce", nonce).build());
                    if (scan.status() == 200) {
                        checkins.put(nonce, scan.json().getString("verdict"));
                    } else {
                        refused.merge("check-in " + scan.status(), 1, Integer::sum);
                    }
                    if (answered.incrementAndGet() == killAfter) {
                        killNow.countDown();
                    }
                    String text = "演练意见：请在现场增加饮水点和座椅，编号 " + a[0];
                    Api.Response s = c.api().post("/api/v1/events/" + live + "/suggestions", Json.createObjectBuilder().add("text", text).build());
                    if (s.status() == 201) {
                        suggestions.put(Fixtures.id(s.json()), text);
                    } else {
                        refused.merge("suggestion " + s.status() + " " + s.body(), 1, Integer::sum);
                    }
                    if (answered.incrementAndGet() == killAfter) {
                        killNow.countDown();
                    }
                } catch (RuntimeException connectionLost) {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        doors.countDown();
        Thread.sleep(Integer.getInteger("crash.headStartMillis", 1500));
        go.countDown();
        killNow.await();
        app.crash();
        System.out.printf("killed the app (SIGKILL) after %d answers, %.2f s into the rush%n", killAfter, (System.nanoTime() - t0) / 1e9);
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        long r0 = System.nanoTime();
        app.restart("app-after-crash");
        System.out.printf("restarted in %.1f s%n", (System.nanoTime() - r0) / 1e9);
        // a restarted instance has the real clock again; the world's time has moved on since the shift
        Api.as("organiser").put("/api/v1/platform/clock", Json.createObjectBuilder()
                .add("now", now.plusNanos(System.nanoTime() - shiftedAt).toString()).build()).expect(200);

        List<String> lost = new ArrayList<>();
        try (Connection db = app.db()) {
            for (Answered a : registrations.values()) {
                String stored = one(db, "select status from registration where id = ?", a.registrationId());
                if (!a.status().equals(stored)) {
                    lost.add("registration " + a.registrationId() + " answered " + a.status() + ", stored " + stored);
                }
            }
            long confirmed = Long.parseLong(one(db, "select count(*) from registration where event_id = ? and status = 'CONFIRMED'", hot));
            long counter = Long.parseLong(one(db, "select confirmed_count from event where id = ?", hot));
            if (confirmed > capacity || confirmed != counter) {
                lost.add("event over capacity or seat count off: " + confirmed + " confirmed, counter " + counter + ", capacity " + capacity);
            }
            // the waitlist: only while the seats are full, everyone with a place in line, no place taken twice
            long waiting = Long.parseLong(one(db, "select count(*) from registration where event_id = ? and status = 'WAITLISTED'", hot));
            long placed = Long.parseLong(one(db, "select count(waitlisted_at) from registration where event_id = ? and status = 'WAITLISTED'", hot));
            long answeredWaiting = registrations.values().stream().filter(a -> a.status().equals("WAITLISTED")).count();
            if (confirmed < capacity && waiting > 0 || placed != waiting || waiting < answeredWaiting) {
                lost.add("waitlist out of order: " + waiting + " waiting with " + confirmed + " of " + capacity + " seats taken, "
                        + placed + " with a place in line, " + answeredWaiting + " were told they wait");
            }
            for (var c : checkins.entrySet()) {
                String verdict = one(db, "select verdict from checkin where nonce = ?", c.getKey());
                if (!c.getValue().equals(verdict)) {
                    lost.add("check-in " + c.getKey() + " answered " + c.getValue() + ", stored " + verdict);
                }
            }
            for (var s : suggestions.entrySet()) {
                String text = one(db, "select text from suggestion where id = ?", s.getKey());
                if (!s.getValue().equals(text)) {
                    lost.add("suggestion " + s.getKey() + " acknowledged but stored as " + text);
                }
            }
            // mails owed: every acknowledged registration's notice leaves the outbox after the restart
            long deadline = System.nanoTime() + 180_000_000_000L;
            long pending;
            do {
                Thread.sleep(2000);
                pending = Long.parseLong(one(db, "select count(*) from notification where event_id = ? and email_state = 'PENDING'", hot));
            } while (pending > 0 && System.nanoTime() < deadline);
            int mailed = 0;
            for (Answered a : registrations.values()) {
                if (received(app, a.email(), title)) {
                    mailed++;
                } else {
                    lost.add("no mail to " + a.email() + " for registration " + a.registrationId());
                }
            }
            System.out.printf("registrations answered 201: %d (confirmed %d, waitlisted %d), connection lost: %d%n", registrations.size(),
                    registrations.values().stream().filter(a -> a.status().equals("CONFIRMED")).count(),
                    registrations.values().stream().filter(a -> a.status().equals("WAITLISTED")).count(), failed.get());
            System.out.printf("stored: %d confirmed of %d seats (counter %d), %d waitlisted, %d with a place in line; refused answers: %s%n",
                    confirmed, capacity, counter, waiting, placed, refused);
            System.out.printf("check-ins acknowledged: %d, suggestions acknowledged: %d, mails delivered for answered registrations: %d of %d, still pending: %d%n",
                    checkins.size(), suggestions.size(), mailed, registrations.size(), pending);
        }
        // the run proves something only when writes were acknowledged before the kill, and none of them was a 5xx
        int acknowledged = registrations.size() + checkins.size() + suggestions.size();
        if (acknowledged < killAfter / 2) {
            lost.add("only " + acknowledged + " writes were acknowledged before the kill (at least " + killAfter / 2
                    + " expected): the crash tested nothing");
        }
        refused.forEach((what, count) -> {
            if (what.matches("\\D+ 5\\d\\d.*")) {
                lost.add(count + " answered " + what);
            }
        });
        Api.as("organiser").put("/api/v1/platform/clock", Json.createObjectBuilder().addNull("now").build()).expect(200);
        System.out.println(lost.isEmpty() ? "CRASH SAFE: nothing acknowledged was lost" : "LOST " + lost.size() + ":\n" + String.join("\n", lost));
        return lost.isEmpty();
    }

    /** GreenMail (in this JVM, alive through the crash) got a mail to the address about the event. */
    static boolean received(TestApp app, String email, String title) {
        return Arrays.stream(app.mail.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(title)
                        && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(email));
            } catch (MessagingException e) {
                return false;
            }
        });
    }

    static String one(Connection db, String sql, Object param) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private CrashSafety() {}
}
