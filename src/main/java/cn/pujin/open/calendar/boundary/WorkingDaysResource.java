package cn.pujin.open.calendar.boundary;

import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code GET /calendar/working-days?from=YYYY-MM-DD&add=N}: the date N working days later (public). */
@Path("calendar/working-days")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkingDaysResource {

    static final int MAX_ADD = 3650;
    static final int MIN_YEAR = Times.MIN_YEAR;
    static final int MAX_YEAR = Times.MAX_YEAR;

    @Inject
    WorkingDayCalendar calendar;

    /** {@code calendarKnown} is false when a year in the range has no State Council notice on file yet. */
    public record Answer(LocalDate from, int add, LocalDate date, boolean calendarKnown) {}

    @GET
    public Answer get(@QueryParam("from") String from, @QueryParam("add") String add) {
        LocalDate start;
        try {
            start = LocalDate.parse(from == null ? "" : from.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid("from", "validation.date");
        }
        int days;
        try {
            days = Integer.parseInt(add == null ? "" : add.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid("add", "validation.range", 0, MAX_ADD);
        }
        if (days < 0 || days > MAX_ADD) {
            throw Problem.invalid("add", "validation.range", 0, MAX_ADD);
        }
        if (start.getYear() < MIN_YEAR || start.getYear() > MAX_YEAR) {
            throw Problem.invalid("from", "validation.dateRange", MIN_YEAR, MAX_YEAR);
        }
        LocalDate date = calendar.plus(start, days);
        return new Answer(start, days, date, calendar.days().knows(start, date));
    }
}
