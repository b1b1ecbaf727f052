package cn.pujin.open.registration.control;

/**
 * CDI event fired inside the transaction that changed a registration; the notification feature writes its
 * notice (and queues the mail) in the same transaction, so a notice exists exactly when the change does.
 */
public record RegistrationChanged(Long registrationId, Long eventId, Long accountId, Change change, String reason) {

    public enum Change {
        CONFIRMED, WAITLISTED, PROMOTED, CANCELLED, APPLIED, APPROVED, REJECTED, SELECTED, ALTERNATE, EVENT_CANCELLED,
        /** Not a change: the reminder the day before, for the confirmed. */
        REMINDED
    }
}
