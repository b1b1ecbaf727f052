package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.Statistics;
import cn.pujin.open.openness.control.YearStats;
import cn.pujin.open.platform.control.Years;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;

/** {@code GET /stats?year=}: the year's openness figures, public (the same numbers as {@code /open/stats.xhtml}). */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    Statistics statistics;

    @Inject
    Clock clock;

    @GET
    public YearStats get(@QueryParam("year") String year) {
        return statistics.of(year(year, LocalDate.now(clock).getYear()));
    }

    /** A year between 2000 and 2100, or 400 naming {@code year}; blank means the default. */
    public static int year(String value, int fallback) {
        return Years.param(value, fallback);
    }
}
