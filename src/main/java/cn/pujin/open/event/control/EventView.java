package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.event.entity.RevisionStatus;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event as the API and pages show it. For the public it is the approved snapshot; for organisers the
 * working copy with {@code version} (needed for updates), {@code revision} and the reviewer's note.
 * Null members are left out of the JSON.
 */
public record EventView(
        Long id, EventKind kind, EventStatus status, RevisionStatus revision,
        String title, String summary, String description, EventMode mode, String venue, String onlineUrl,
        OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity, Boolean waitlist,
        OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, String campaign,
        Integer seatsLeft, Long version, Integer sequence, List<AgendaItemView> agendaItems,
        String reviewNote, String cancelReason, OffsetDateTime publishedAt) {

    public record AgendaItemView(Long id, int position, String title, String summary, List<MaterialView> materials) {}

    public record MaterialView(String title, String summary, String url) {}

    @JsonbTransient
    public boolean isMeeting() {
        return kind == EventKind.DECISION_MEETING;
    }

    @JsonbTransient
    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }
}
