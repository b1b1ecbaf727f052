package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.participation.entity.Consultation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /consultations/}: drafts open for comment (closing soonest first), those about to open and the closed ones
 * with their adoption reports; the open ones also on the home page and in the 政府开放 column.
 */
@Named
@RequestScoped
public class ConsultationListPage {

    @Inject
    ConsultationViews views;

    private List<ConsultationView> open;
    private List<ConsultationView> upcoming;
    private List<ConsultationView> closed;

    public List<ConsultationView> getOpen() {
        if (open == null) {
            open = views.open();
        }
        return open;
    }

    public List<ConsultationView> getUpcoming() {
        if (upcoming == null) {
            upcoming = views.list(Consultation.Period.UPCOMING, false);
        }
        return upcoming;
    }

    public List<ConsultationView> getClosed() {
        if (closed == null) {
            closed = views.list(Consultation.Period.CLOSED, false);
        }
        return closed;
    }
}
