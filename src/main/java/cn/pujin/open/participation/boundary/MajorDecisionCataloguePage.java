package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.MajorDecisionViews.MajorDecisionView;
import cn.pujin.open.participation.entity.StepKind;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Years;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /major-decisions/}: the public catalogue of a year (决策目录) with each item's progress through its steps at a
 * glance; {@code detail.xhtml?id=} one item's timeline.
 */
@Named
@RequestScoped
public class MajorDecisionCataloguePage {

    @Inject
    MajorDecisionViews views;

    @Inject
    Clock clock;

    private String year;
    private String id;
    private List<MajorDecisionView> items;
    private MajorDecisionView item;

    /** The year shown: the one asked for when it is a year the catalogue may have (2000–2100), else this year. */
    public int getShownYear() {
        int now = LocalDate.now(clock).getYear();
        try {
            return Years.param(year, now);
        } catch (Problem notAYear) {
            return now;
        }
    }

    public List<MajorDecisionView> getItems() {
        if (items == null) {
            items = views.catalogue(getShownYear(), false);
        }
        return items;
    }

    /** Years with a published catalogue, and this year, newest first. */
    public List<Integer> getYears() {
        List<Integer> years = new ArrayList<>(views.years(false));
        int now = LocalDate.now(clock).getYear();
        if (!years.contains(now)) {
            years.add(0, now);
        }
        return years;
    }

    /** One public item, or the 404 page. */
    public MajorDecisionView getItem() {
        if (item == null) {
            try {
                item = views.view(Long.valueOf(id == null ? "" : id.strip()), false);
            } catch (RuntimeException unknown) {
                Faces.notFound();
            }
        }
        return item;
    }

    public StepKind[] getStepKinds() {
        return StepKind.values();
    }

    public int getStepCount() {
        return StepKind.values().length;
    }

    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
