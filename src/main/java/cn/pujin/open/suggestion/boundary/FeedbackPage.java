package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.Feedback;
import cn.pujin.open.suggestion.control.FeedbackView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.StringJoiner;

/** {@code /open/feedback.xhtml?event=&outcome=&page=}: the public record of answers, decisions and implementation. */
@Named
@RequestScoped
public class FeedbackPage {

    static final int PAGE_SIZE = 20;

    @Inject
    Feedback feedback;

    private String event;
    private String outcome;
    private int page;
    private FeedbackView view;

    public FeedbackView getView() {
        if (view == null) {
            view = feedback.feedback(getEventId(), chosenOutcome(), new Paging(Math.max(0, page), PAGE_SIZE));
        }
        return view;
    }

    /** The event filtered on, if the parameter names one. */
    public Long getEventId() {
        return event != null && event.matches("\\d{1,18}") ? Long.valueOf(event) : null;
    }

    private Outcome chosenOutcome() {
        for (Outcome candidate : Outcome.values()) {
            if (candidate.name().equals(outcome)) {
                return candidate;
            }
        }
        return null;
    }

    /** This page's address with the given outcome filter and page, carrying only the parameters that are set. */
    public String link(String outcomeName, int toPage) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (getEventId() != null) {
            query.add("event=" + getEventId());
        }
        if (outcomeName != null && !outcomeName.isEmpty()) {
            query.add("outcome=" + outcomeName);
        }
        if (toPage > 0) {
            query.add("page=" + toPage);
        }
        return "/open/feedback.xhtml" + query;
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < getView().total();
    }

    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
