package cn.pujin.open.suggestion.control;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.entity.SuggestionSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Per meeting: how many days after it suggestions may be written, and how many working days an answer may take. */
@ApplicationScoped
public class SuggestionSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Audit audit;

    public SuggestionSetting setting(Long eventId) {
        SuggestionSetting s = em.find(SuggestionSetting.class, eventId);
        return s != null ? s : new SuggestionSetting(eventId);
    }

    @Transactional
    public SuggestionSetting change(InputActor actor, Long eventId, Integer windowDays, Integer answerDays) {
        if (!actor.organiser()) {
            throw Problem.forbidden();
        }
        seats.bookable(eventId);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (windowDays == null || windowDays < 0 || windowDays > 90) {
            errors.add(new Problem.FieldError("windowDays", "validation.range", 0, 90));
        }
        if (answerDays == null || answerDays < 1 || answerDays > 120) {
            errors.add(new Problem.FieldError("answerDays", "validation.range", 1, 120));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        SuggestionSetting s = em.find(SuggestionSetting.class, eventId);
        if (s == null) {
            s = new SuggestionSetting(eventId);
            em.persist(s);
        }
        String before = s.getWindowDays() + "/" + s.getAnswerDays();
        s.change(windowDays, answerDays);
        audit.record(actor.id(), "event", eventId, "suggestion.settings", before, windowDays + "/" + answerDays, null);
        return s;
    }
}
