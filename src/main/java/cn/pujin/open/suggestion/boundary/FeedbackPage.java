package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.Feedback;
import cn.pujin.open.suggestion.control.FeedbackView;
import cn.pujin.open.input.entity.Outcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

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
            Long id = event != null && event.matches("\\d{1,18}") ? Long.valueOf(event) : null;
            Outcome o = null;
            for (Outcome candidate : Outcome.values()) {
                if (candidate.name().equals(outcome)) {
                    o = candidate;
                }
            }
            view = feedback.feedback(id, o, new Paging(Math.max(0, page), PAGE_SIZE));
        }
        return view;
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
