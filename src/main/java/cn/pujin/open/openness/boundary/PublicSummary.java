package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.Summaries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;

/** The published summary and photos of an event for public pages ({@code #{publicSummary.of(e.id)}}), or null. */
@Named
@RequestScoped
public class PublicSummary {

    @Inject
    Summaries summaries;

    private final Map<Long, Summaries.SummaryView> seen = new HashMap<>();

    public Summaries.SummaryView of(Long eventId) {
        if (eventId == null) {
            // a postback of the event page does not load its event again: nothing to show, nothing to fail
            return null;
        }
        return seen.computeIfAbsent(eventId, id -> {
            Summaries.SummaryView v = summaries.view(id, false);
            return v.publishedText() == null ? null : v;
        });
    }
}
