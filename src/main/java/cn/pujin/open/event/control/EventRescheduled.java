package cn.pujin.open.event.control;

import java.util.Objects;

/**
 * CDI event, fired in the approving transaction when an approved change of a published event moves it in time or
 * place: its date or time, venue, mode or online link. Other edits (text, agenda, capacity) fire nothing of this.
 */
public record EventRescheduled(Long eventId, EventContent before, EventContent after) {

    public boolean timeChanged() {
        return !before.startsAt().isEqual(after.startsAt()) || !before.endsAt().isEqual(after.endsAt());
    }

    public boolean placeChanged() {
        return before.mode() != after.mode() || !Objects.equals(before.venue(), after.venue())
                || !Objects.equals(before.onlineUrl(), after.onlineUrl());
    }
}
