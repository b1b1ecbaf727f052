package cn.pujin.open.registration.entity;

/**
 * PENDING (an application awaiting moderation), APPROVED (an application in the selection pool),
 * CONFIRMED (has a seat), WAITLISTED (waitlist, or alternate 候补 with a rank), REJECTED, CANCELLED.
 */
public enum RegistrationStatus {
    PENDING, APPROVED, CONFIRMED, WAITLISTED, REJECTED, CANCELLED;

    /** Active registrations count toward "one per person and event". */
    public boolean isActive() {
        return this != REJECTED && this != CANCELLED;
    }
}
