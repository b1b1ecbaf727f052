package cn.pujin.open.calendar.control;

import cn.pujin.open.calendar.control.WorkingDays;
import cn.pujin.open.calendar.entity.CalendarYear;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.SettingsConfigSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The working-day calendar of this deployment: the years in {@code config/calendar/}, overridden by years an
 * admin saved from the calendar page (stored in the database, so every instance sees them within a minute).
 */
@ApplicationScoped
public class WorkingDayCalendar {

    private static final Logger LOG = Logger.getLogger(WorkingDayCalendar.class.getName());
    private static final long RELOAD_NANOS = TimeUnit.SECONDS.toNanos(60);

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    private Map<Integer, WorkingDays.Year> files;
    private volatile WorkingDays days;
    private volatile long loadedAt;
    private volatile boolean stale;

    @PostConstruct
    void init() {
        files = WorkingDays.load(SettingsConfigSource.configDir().resolve("calendar")).years();
        reload();
        LOG.info(() -> "working-day calendar: years " + days.years().keySet() + " (files " + files.keySet() + ")");
    }

    public WorkingDays days() {
        if (stale || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reload();
        }
        return days;
    }

    public LocalDate plus(LocalDate from, int workingDays) {
        return days().plus(from, workingDays);
    }

    /** Where a year comes from: {@code FILE}, {@code SAVED} (by an admin) or absent. */
    public enum Origin { FILE, SAVED }

    public record YearInfo(int year, Origin origin, WorkingDays.Year content) {}

    public List<YearInfo> years() {
        Map<Integer, Origin> origins = new TreeMap<>();
        files.keySet().forEach(y -> origins.put(y, Origin.FILE));
        saved().forEach(c -> origins.put(c.getYear(), Origin.SAVED));
        WorkingDays current = days();
        return origins.entrySet().stream()
                .map(e -> new YearInfo(e.getKey(), e.getValue(), current.years().get(e.getKey()))).toList();
    }

    /** Validates and stores a year; {@link IllegalArgumentException} says what is wrong. */
    @Transactional
    public WorkingDays.Year save(Long admin, int year, String json) {
        WorkingDays.Year parsed = WorkingDays.parse(new StringReader(json == null ? "" : json));
        if (parsed.year() != year) {
            throw new IllegalArgumentException("the file is for " + parsed.year() + ", not " + year);
        }
        CalendarYear row = em.find(CalendarYear.class, year);
        boolean created = row == null;
        if (created) {
            row = new CalendarYear(year);
            em.persist(row);
        }
        row.change(WorkingDays.toJson(parsed), admin, clock.instant());
        audit.record(admin, "calendar", (long) year, "calendar.save", created ? "FILE" : "SAVED", "SAVED",
                parsed.holidays().size() + " holidays, " + parsed.workdays().size() + " make-up days; " + parsed.source());
        return parsed;
    }

    /** After a save commits: the next look-up reads the database again, here and on the other instances. */
    public void invalidate() {
        stale = true;
        cluster.publish(ClusterBus.Kind.CALENDAR, null);
    }

    @Inject
    ClusterBus cluster;

    void changedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.CALENDAR) {
            stale = true;
        }
    }

    private List<CalendarYear> saved() {
        return em.createQuery("select c from CalendarYear c order by c.year", CalendarYear.class).getResultList();
    }

    private synchronized void reload() {
        Map<Integer, WorkingDays.Year> merged = new TreeMap<>(files);
        try {
            for (CalendarYear c : saved()) {
                merged.put(c.getYear(), WorkingDays.parse(new StringReader(c.getContent())));
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "saved calendar years not read, using the files: " + e);
        }
        days = new WorkingDays(List.copyOf(merged.values()));
        loadedAt = System.nanoTime();
        stale = false;
    }
}
