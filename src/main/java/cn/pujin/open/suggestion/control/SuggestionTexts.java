package cn.pujin.open.suggestion.control;

import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.event.control.Seats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** What a suggestion's views and notices show of its meeting: the title, the agenda item, the published decision. */
@ApplicationScoped
public class SuggestionTexts {

    @Inject
    Seats seats;

    @Inject
    EventFacts events;

    @Inject
    Decisions decisions;

    public String eventTitle(Long eventId) {
        return seats.bookable(eventId).title();
    }

    public String agendaTitle(Long agendaItemId) {
        return events.agendaItem(agendaItemId).map(EventFacts.AgendaItemRef::title).orElse(null);
    }

    public Optional<String> decisionText(Long agendaItemId) {
        return decisions.publishedText(agendaItemId);
    }
}
