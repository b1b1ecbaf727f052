package cn.pujin.open.openness.control;

import cn.pujin.open.checkin.control.CheckInReports;
import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import cn.pujin.open.message.control.MessageFigures;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Rates;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.suggestion.control.SuggestionSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link YearStats} from what each feature counts of its own; nothing is typed in or cached. */
@ApplicationScoped
public class Statistics {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    @Inject
    EventFacts events;

    @Inject
    MajorDecisionViews majorDecisions;

    @Inject
    ConsultationViews consultations;

    @Inject
    MessageFigures messageFigures;

    @Inject
    RegistrationQueries registrations;

    @Inject
    CheckInReports checkIns;

    @Inject
    InputQueues queues;

    @Inject
    SuggestionSource suggestions;

    /** The years the public pages offer: this one and the five before it, newest first. */
    public static List<Integer> recentYears(LocalDate today) {
        List<Integer> years = new ArrayList<>();
        for (int y = today.getYear(); y > today.getYear() - 6; y--) {
            years.add(y);
        }
        return years;
    }

    public YearStats of(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
        List<EventFacts.Held> held = events.heldBetween(from, to);
        List<Long> ids = new ArrayList<>();
        List<Long> meetings = new ArrayList<>();
        List<Integer> byMonth = new ArrayList<>(Collections.nCopies(12, 0));
        Map<String, Integer> byKind = zeros(EventKind.values());
        Map<String, Integer> byMode = zeros(EventMode.values());
        for (EventFacts.Held e : held) {
            ids.add(e.eventId());
            if (e.kind() == EventKind.DECISION_MEETING) {
                meetings.add(e.eventId());
            }
            byKind.merge(e.kind().name(), 1, Integer::sum);
            byMode.merge(e.mode().name(), 1, Integer::sum);
            int month = LocalDateTime.ofInstant(e.startsAt(), Clocks.ZONE).getMonthValue();
            byMonth.set(month - 1, byMonth.get(month - 1) + 1);
        }
        long registrations = this.registrations.count(ids);
        long confirmed = sum(this.registrations.confirmedByEvent(ids));
        long attended = sum(checkIns.admittedByEvent(ids));
        Map<String, Long> categories = new LinkedHashMap<>();
        this.registrations.confirmedByCategory(meetings).forEach((c, n) -> categories.put(c.name(), n));

        long received = sum(queues.countBy(suggestions, "eventId", ids));
        List<InputQueues.Answered> answers = queues.answered(suggestions, "eventId", ids);
        long onTime = 0;
        long published = 0;
        long ratings = 0;
        long stars = 0;
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            outcomes.put(o.name(), 0L);
        }
        for (InputQueues.Answered a : answers) {
            if (Handling.onTime(a.answeredAt(), a.dueOn())) {
                onTime++;
            }
            if (a.status() == InputStatus.PUBLISHED) {
                published++;
                outcomes.merge(a.outcome().name(), 1L, Long::sum);
                if (a.rating() != null) {
                    ratings++;
                    stars += a.rating();
                }
            }
        }
        long adopted = outcomes.get(Outcome.ADOPTED.name()) + outcomes.get(Outcome.PARTLY_ADOPTED.name());
        MajorDecisionViews.CatalogueFigures catalogue = majorDecisions.figures(year);
        ConsultationViews.ConsultationFigures consulted = consultations.figures(year);
        MessageFigures.Figures board = messageFigures.of(year);
        return new YearStats(year, held.size(), List.copyOf(byMonth), byKind, byMode, registrations, confirmed, attended,
                Rates.percent(attended, confirmed), categories, received, answers.size(), onTime, Rates.percent(onTime, answers.size()),
                published, outcomes, Rates.percent(adopted, published), ratings,
                ratings == 0 ? 0 : Math.round(stars * 10.0 / ratings) / 10.0, catalogue.items(), catalogue.withdrawn(),
                catalogue.itemsByStep(), consulted.consultations(), consulted.comments(), consulted.answersPublished(),
                consulted.adopted(), consulted.adoptionRate(), board.year().received(), board.year().acknowledgedOnTimeRate(),
                board.year().answeredOnTimeRate(), board.year().averageRating(), board.byMonth(), board.byDepartment());
    }

    private static long sum(Map<Long, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Integer> zeros(Enum<?>[] values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0);
        }
        return m;
    }
}
