package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import java.time.OffsetDateTime;
import java.util.List;

/** The public content frozen at approval time (the JSON snapshot in {@code event_publication}). */
public record EventContent(
        EventKind kind, String title, String summary, String description, EventMode mode, String venue,
        String onlineUrl, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, boolean waitlist,
        OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, String campaign,
        List<EventView.AgendaItemView> agendaItems, String cancelReason) {

    public EventContent cancelled(String reason) {
        return new EventContent(kind, title, summary, description, mode, venue, onlineUrl, startsAt, endsAt,
                capacity, waitlist, registrationOpensAt, registrationClosesAt, campaign, agendaItems, reason);
    }
}
