package cn.pujin.open.calendar.boundary;

import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.calendar.control.WorkingDays;
import cn.pujin.open.platform.boundary.JsonBodyReader;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code /calendar/years}: the working-day calendar per year (public to read); admins replace a year with
 * the State Council's notice (validated, audited), in the same form as {@code config/calendar/YEAR.json}.
 */
@Path("calendar/years")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarYearsResource {

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    CurrentUser user;

    public record YearSummary(int year, String origin, String source, int holidays, int workdays) {}

    @GET
    public List<YearSummary> list() {
        return calendar.years().stream().map(y -> new YearSummary(y.year(), y.origin().name(), y.content().source(),
                y.content().holidays().size(), y.content().workdays().size())).toList();
    }

    @GET
    @Path("{year}")
    public WorkingDays.Year get(@PathParam("year") String year) {
        int y = year(year);
        WorkingDays.Year found = calendar.days().years().get(y);
        if (found == null) {
            throw Problem.notFound();
        }
        return found;
    }

    @PUT
    @Path("{year}")
    public WorkingDays.Year put(@PathParam("year") String year, InputStream json) throws IOException {
        Long admin = user.require(Role.ADMIN);
        int y = year(year);
        // through the checks every JSON body passes (Jersey's JSON-P reader let Parsson's number limit out as a 500)
        if (!(JsonBodyReader.parse(json) instanceof JsonObject body)) {
            throw Problem.invalid("year", "validation.body");
        }
        WorkingDays.Year saved;
        try {
            saved = calendar.save(admin, y, body.toString());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(ProblemCode.CALENDAR_INVALID, "calendar.invalid", e.getMessage());
        }
        calendar.invalidate();
        return saved;
    }

    private static int year(String year) {
        if (year == null || !year.matches("20\\d\\d")) {
            throw Problem.notFound();
        }
        return Integer.parseInt(year);
    }
}
