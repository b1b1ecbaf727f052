package cn.pujin.open.platform.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.account.entity.Role;
import cn.pujin.open.event.control.AgendaItemDraft;
import cn.pujin.open.event.control.EventDraft;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The demo users and events of DESIGN.md, from {@code config/demo/demo-data.json}. Loaded once, only when
 * demo data is on: {@code DEMO_DATA=true}, or the run command's default ({@code -Dpujin.demo.default=true})
 * when {@code DEMO_DATA} is unset. Production start-up never creates these users.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public record DemoUser(String username, String displayName, String phone, String email, List<Role> roles, String department) {}

    public record DemoMaterial(String title, String url) {}

    public record DemoAgendaItem(String title, String summary, List<DemoMaterial> materials) {}

    public record DemoEvent(EventKind kind, EventMode mode, boolean publish, String title, String campaign, String summary,
                     String description, String venue, String onlineUrl, String day, String start, int hours,
                     int capacity, List<DemoAgendaItem> agenda) {}

    public record Demo(String password, List<String> departments, List<DemoUser> users, List<DemoEvent> events) {}

    @Inject
    Config config;

    @Inject
    Accounts accounts;

    @Inject
    Events events;

    @Inject
    Clock clock;

    @PostConstruct
    void load() {
        boolean enabled = config.getOptionalValue("DEMO_DATA", Boolean.class)
                .orElse(Boolean.getBoolean("pujin.demo.default"));
        if (!enabled) {
            return;
        }
        if (accounts.findByLogin("admin").isPresent()) {
            LOG.info("demo data already present");
            return;
        }
        Path file = SettingsConfigSource.configDir().resolve("demo/demo-data.json");
        Demo demo;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); Jsonb jsonb = JsonbBuilder.create()) {
            demo = jsonb.fromJson(in, Demo.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read demo data " + file, e);
        }
        Map<String, Long> departments = new HashMap<>();
        for (String name : demo.departments()) {
            Department d = accounts.createDepartment(null, name);
            departments.put(name, d.getId());
        }
        Map<String, Long> users = new HashMap<>();
        for (DemoUser u : demo.users()) {
            Set<Role> roles = EnumSet.copyOf(u.roles());
            Account a = accounts.createStaff(u.username(), u.displayName(), u.phone(), u.email(), demo.password(), roles,
                    u.department() == null ? null : departments.get(u.department()));
            users.put(u.username(), a.getId());
        }
        Long organiser = users.get("organiser");
        Long reviewer = users.get("reviewer");
        int year = LocalDate.now(clock).getYear();
        for (DemoEvent e : demo.events()) {
            ZonedDateTime starts = day(e.day(), year).atTime(LocalTime.parse(e.start())).atZone(Clocks.ZONE);
            ZonedDateTime ends = starts.plusHours(e.hours());
            EventDraft draft = new EventDraft(e.kind(), e.title(), e.summary(), e.description(), e.mode(), e.venue(),
                    e.onlineUrl(), starts.toOffsetDateTime(), ends.toOffsetDateTime(), e.capacity(), true,
                    starts.minusDays(30).toOffsetDateTime(), starts.minusDays(1).withHour(17).withMinute(0).toOffsetDateTime(),
                    e.campaign() == null ? null : e.campaign().replace("{year}", String.valueOf(year)), null);
            Event event = events.create(organiser, draft);
            for (DemoAgendaItem item : Optional.ofNullable(e.agenda()).orElse(List.of())) {
                events.addAgendaItem(organiser, event.getId(), new AgendaItemDraft(item.title(), item.summary(),
                        item.materials().stream().map(m -> new AgendaItemDraft.MaterialDraft(m.title(), null, m.url())).toList()));
            }
            events.submit(organiser, event.getId());
            if (e.publish()) {
                events.approve(reviewer, event.getId());
            }
        }
        LOG.info(() -> "demo data loaded: " + users.size() + " users (password " + demo.password() + "), "
                + demo.events().size() + " events");
    }

    /** {@code +6} is six days from today; {@code 08-15} is 15 August of the current year. */
    private LocalDate day(String spec, int year) {
        if (spec.startsWith("+")) {
            return LocalDate.now(clock).plusDays(Long.parseLong(spec.substring(1)));
        }
        return MonthDay.parse("--" + spec).atYear(year);
    }
}
