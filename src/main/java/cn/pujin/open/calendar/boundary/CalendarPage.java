package cn.pujin.open.calendar.boundary;

import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.calendar.control.WorkingDays;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.AuditEntry;
import cn.pujin.open.platform.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/calendar.xhtml}: the working-day calendar per year — public holidays and 调休 make-up working
 * days from the State Council's notice. Saving validates the whole year and leaves an audit entry.
 */
@Named
@ViewScoped
public class CalendarPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Audit audit;

    @Inject
    CurrentUser user;

    /** (The Clock itself is not serializable; this view-scoped page holds the application-scoped source.) */
    @Inject
    Clocks clocks;

    /** A row of the holiday table (mutable for the form). */
    public static class HolidayRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private LocalDate from;
        private LocalDate to;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate from) { this.from = from; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate to) { this.to = to; }
    }

    /** A make-up working day (调休上班). */
    public static class WorkdayRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate day;

        public LocalDate getDay() { return day; }
        public void setDay(LocalDate day) { this.day = day; }
    }

    private int year;
    private String source;
    private List<HolidayRow> holidays = new ArrayList<>();
    private List<WorkdayRow> workdays = new ArrayList<>();

    @PostConstruct
    void init() {
        year = LocalDate.now(clocks.clock()).getYear();
        load();
    }

    public List<WorkingDayCalendar.YearInfo> getYears() {
        return calendar.years();
    }

    /** The years that can be chosen: those on file and the next one without a notice yet. */
    public List<Integer> getYearChoices() {
        List<Integer> choices = new ArrayList<>(getYears().stream().map(WorkingDayCalendar.YearInfo::year).toList());
        int next = LocalDate.now(clocks.clock()).getYear() + 1;
        if (!choices.contains(next)) {
            choices.add(next);
        }
        return choices;
    }

    public void load() {
        WorkingDays.Year y = calendar.days().years().get(year);
        holidays = new ArrayList<>();
        workdays = new ArrayList<>();
        source = y == null ? "" : y.source();
        if (y != null) {
            for (WorkingDays.Holiday h : y.holidays()) {
                HolidayRow row = new HolidayRow();
                row.setName(h.name());
                row.setFrom(h.from());
                row.setTo(h.to());
                holidays.add(row);
            }
            for (LocalDate d : y.workdays()) {
                WorkdayRow row = new WorkdayRow();
                row.setDay(d);
                workdays.add(row);
            }
        }
    }

    public void addHoliday() {
        holidays.add(new HolidayRow());
    }

    public void removeHoliday(HolidayRow row) {
        holidays.remove(row);
    }

    public void addWorkday() {
        workdays.add(new WorkdayRow());
    }

    public void removeWorkday(WorkdayRow row) {
        workdays.remove(row);
    }

    public void save() {
        Long admin = user.require(Role.ADMIN);
        try {
            List<WorkingDays.Holiday> hs = new ArrayList<>();
            for (HolidayRow h : holidays) {
                if (h.getName() == null || h.getName().isBlank() || h.getFrom() == null || h.getTo() == null) {
                    throw new IllegalArgumentException(Faces.text("calendar.rowIncomplete"));
                }
                hs.add(new WorkingDays.Holiday(h.getName().strip(), h.getFrom(), h.getTo()));
            }
            List<LocalDate> ws = new ArrayList<>();
            for (WorkdayRow w : workdays) {
                if (w.getDay() == null) {
                    throw new IllegalArgumentException(Faces.text("calendar.rowIncomplete"));
                }
                ws.add(w.getDay());
            }
            calendar.save(admin, year, WorkingDays.toJson(new WorkingDays.Year(year, source == null ? "" : source.strip(), hs, ws)));
            calendar.invalidate();
            Faces.info("calendar.saved", year);
        } catch (IllegalArgumentException e) {
            Faces.error("calendar.invalid", e.getMessage());
        }
    }

    public List<AuditEntry> getHistory() {
        return audit.of("calendar", (long) year);
    }

    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public List<HolidayRow> getHolidays() { return holidays; }
    public List<WorkdayRow> getWorkdays() { return workdays; }
}
