package cn.pujin.open.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.logging.Logger;

/** The working-day calendar of this deployment, read from {@code config/calendar/} at start-up. */
@ApplicationScoped
public class WorkingDayCalendar {

    private static final Logger LOG = Logger.getLogger(WorkingDayCalendar.class.getName());

    private volatile WorkingDays days;

    @PostConstruct
    void init() {
        days = WorkingDays.load(SettingsConfigSource.configDir().resolve("calendar"));
        LOG.info(() -> "working-day calendar: years " + days.years().keySet());
    }

    public WorkingDays days() {
        return days;
    }

    public LocalDate plus(LocalDate from, int workingDays) {
        return days.plus(from, workingDays);
    }
}
