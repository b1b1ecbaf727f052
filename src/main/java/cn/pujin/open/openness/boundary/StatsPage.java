package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.Statistics;
import cn.pujin.open.openness.control.YearStats;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code /open/stats.xhtml?year=}: the year's figures with Chart.js charts (PrimeFaces {@code p:chart}); every
 * chart also has its numbers in text, and they are the same {@link YearStats} the API serves.
 */
@Named
@RequestScoped
public class StatsPage {

    private static final String[] COLOURS = {"#1f4e9c", "#e8b531", "#1e7b45", "#c0392b", "#7b8597", "#6c4ab6"};

    @Inject
    Statistics statistics;

    @Inject
    Clock clock;

    private String year;
    private YearStats stats;

    public YearStats getStats() {
        if (stats == null) {
            int current = LocalDate.now(clock).getYear();
            int y;
            try {
                y = StatsResource.year(year, current);
            } catch (Problem e) {
                Faces.show(e, "stats", Map.of());
                y = current;
            }
            stats = statistics.of(y);
        }
        return stats;
    }

    /** The years to choose from: from the current one back five years. */
    public List<Integer> getYears() {
        return Statistics.recentYears(LocalDate.now(clock));
    }

    public String getMonthChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (int m = 1; m <= 12; m++) {
            labels.add(Faces.text("stats.month", m));
            values.add(getStats().eventsByMonth().get(m - 1));
        }
        return bar(labels, values, Faces.text("stats.events"));
    }

    public String getKindChart() {
        return doughnut(getStats().eventsByKind(), "kind.");
    }

    public String getModeChart() {
        return doughnut(getStats().eventsByMode(), "mode.");
    }

    public String getCategoryChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        getStats().representativesByCategory().forEach((k, v) -> {
            labels.add(Faces.text("category." + k));
            values.add(v);
        });
        return bar(labels, values, Faces.text("stats.representatives"));
    }

    /** Outcomes in the colours the feedback page uses: adopted green, partly blue, not adopted red, explained grey. */
    public String getOutcomeChart() {
        return doughnut(getStats().adoptionByOutcome(), "suggestion.outcome.", "#1e7b45", "#1f4e9c", "#c0392b", "#7b8597");
    }

    /** The year's consultations: comments received, answers published, adopted in whole or part. */
    public String getConsultationChart() {
        YearStats s = getStats();
        return bar(Json.createArrayBuilder().add(Faces.text("stats.consultationComments")).add(Faces.text("stats.consultationAnswers"))
                .add(Faces.text("stats.consultationAdopted")), Json.createArrayBuilder().add(s.consultationComments())
                .add(s.consultationAnswers()).add(s.consultationAdopted()), Faces.text("consultation.title"));
    }

    private static String bar(JsonArrayBuilder labels, JsonArrayBuilder values, String label) {
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", COLOURS[0]))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    private static String doughnut(Map<String, ? extends Number> counts, String labelPrefix, String... palette) {
        String[] colourSet = palette.length > 0 ? palette : COLOURS;
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
            labels.add(Faces.text(labelPrefix + e.getKey()));
            values.add(e.getValue().longValue());
            colours.add(colourSet[i++ % colourSet.length]);
        }
        return Json.createObjectBuilder().add("type", "doughnut")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("data", values).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }

    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
}
