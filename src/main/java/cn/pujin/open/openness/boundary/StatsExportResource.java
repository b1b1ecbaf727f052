package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.StatsExports;
import cn.pujin.open.platform.boundary.Language;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@code /stats/export.xlsx|.csv} and {@code /stats/summary.pdf}: the year's figures and event list for
 * organisers (others 403), streamed to the client and audited.
 */
@Path("stats")
@RequestScoped
public class StatsExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    StatsExports exports;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    HttpServletRequest request;

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    public Response xlsx(@QueryParam("year") String year) {
        int y = allowed(year, "xlsx");
        Locale locale = locale();
        return file((StreamingOutput) out -> exports.xlsx(y, locale, out), XLSX, "pujin-open-" + y + ".xlsx");
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("year") String year, @QueryParam("table") String table) {
        boolean figures = "figures".equals(table);
        int y = allowed(year, figures ? "csv figures" : "csv events");
        Locale locale = locale();
        return file((StreamingOutput) out -> exports.csv(y, !figures, locale, out), "text/csv; charset=utf-8",
                "pujin-open-" + y + (figures ? "-figures" : "-events") + ".csv");
    }

    @GET
    @Path("summary.pdf")
    @Produces("application/pdf")
    public Response pdf(@QueryParam("year") String year) {
        int y = allowed(year, "pdf");
        Locale locale = locale();
        return file((StreamingOutput) out -> exports.pdf(y, locale, out), "application/pdf", "pujin-open-" + y + ".pdf");
    }

    private int allowed(String year, String format) {
        Long me = user.require(Role.ORGANISER, Role.ADMIN);
        int y = StatsResource.year(year, LocalDate.now(clock).getYear());
        exports.audited(me, y, format);
        return y;
    }

    private Locale locale() {
        return Language.of(request);
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
