package cn.pujin.open.platform.control;

/**
 * Every stable {@code code} of the API's problems, in one place: clients and tests rely on them. Each has its HTTP
 * status and the message its problems usually carry (in the zh-CN and English bundles; a problem may name a more
 * precise one).
 */
public enum ProblemCode {
    BAD_REQUEST(400, "problem.badRequest"),
    VALIDATION_FAILED(400, "problem.validation"),
    MALFORMED_JSON(400, "problem.malformedJson"),
    ATTACHMENT_TYPE(400, "suggestion.attachment.type"),
    CALENDAR_INVALID(400, "calendar.invalid"),
    CODE_EXPIRED(400, "verification.code.expired"),
    CODE_INVALID(400, "verification.code.invalid"),
    PHOTO_DIMENSIONS(400, "photo.dimensions"),
    PHOTO_TYPE(400, "photo.type"),
    UNAUTHENTICATED(401, "problem.unauthenticated"),
    FORBIDDEN(403, "problem.forbidden"),
    CROSS_SITE_REQUEST(403, "problem.crossSite"),
    NOT_AN_ATTENDEE(403, "suggestion.notAttendee"),
    NOT_AUTHOR(403, "suggestion.rate.notAuthor"),
    SELF_REVIEW(403, "suggestion.selfReview"),
    STAFF_ACCOUNT(403, "account.delete.staff"),
    NOT_FOUND(404, "problem.notFound"),
    METHOD_NOT_ALLOWED(405, "problem.methodNotAllowed"),
    NOT_ACCEPTABLE(406, "problem.notAcceptable"),
    AGENDA_ITEM_HAS_SUGGESTIONS(409, "event.agendaItem.hasSuggestions"),
    ALREADY_IN_POOL(409, "pool.already"),
    ALREADY_RATED(409, "suggestion.rate.twice"),
    ALREADY_REGISTERED(409, "registration.already"),
    ANSWER_NOT_PUBLISHED(409, "suggestion.rate.unpublished"),
    CAPACITY_BELOW_CONFIRMED(409, "event.capacity.belowConfirmed"),
    CONSULTATION_CLOSED(409, "consultation.comment.closed"),
    CONSULTATION_OPEN(409, "consultation.group.stillOpen"),
    EVENT_CANCELLED(409, "event.cancelled"),
    EVENT_FULL(409, "registration.full"),
    EVENT_IN_REVIEW(409, "event.inReview"),
    EVENT_NOT_HELD(409, "summary.notHeld"),
    EVENT_NOT_STARTED(409, "registration.walkIn.notStarted"),
    EVENT_STARTED(409, "registration.cancel.started"),
    INTERPRETATION_REQUIRED(409, "consultation.interpretation.required"),
    INVALID_TRANSITION(409, "suggestion.transition.invalid"),
    INVITATION_ANSWERED(409, "invitation.answered"),
    NOT_ADOPTED(409, "suggestion.milestone.notAdopted"),
    MAJOR_DECISION_NOT_PUBLISHED(409, "majorDecision.step.itemNotPublished"),
    MEETING_OVER(409, "materials.meetingOver"),
    NOT_A_MEETING(409, "selection.notMeeting"),
    NOT_SELECTED(409, "selection.revision.notSelected"),
    NO_APPROVED_APPLICATIONS(409, "selection.noApplicants"),
    NOMINATION_PENDING(409, "pool.nomination.pending"),
    NO_PASS(409, "pass.none"),
    NO_SELECTION(409, "selection.none"),
    OBJECTION_CLOSED(409, "selection.objection.closed"),
    OBJECTION_NOT_SUSTAINED(409, "selection.objection.notSustained"),
    PASS_CHANGED(409, "pass.changed"),
    PHONE_TAKEN(409, "account.phone.taken"),
    REGISTRATION_CLOSED(409, "registration.closed"),
    SEED_MISMATCH(409, "selection.seed.mismatch"),
    SELECTION_LOCKED(409, "selection.locked"),
    SELECTION_PUBLISHED(409, "selection.published"),
    SELECTION_STALE(409, "selection.stale"),
    STATION_EXISTS(409, "station.exists"),
    STATION_REVOKED(409, "station.revoked"),
    SUGGESTION_WINDOW_CLOSED(409, "suggestion.window.closed"),
    TOO_MANY_ATTACHMENTS(409, "suggestion.attachment.tooMany"),
    TOO_MANY_PHOTOS(409, "photo.tooMany"),
    VERSION_CONFLICT(409, "problem.versionConflict"),
    PAYLOAD_TOO_LARGE(413, "problem.tooLarge"),
    PHOTO_TOO_LARGE(413, "photo.tooManyPixels"),
    UNSUPPORTED_MEDIA_TYPE(415, "problem.unsupportedMediaType"),
    LOGIN_LOCKED(429, "login.locked"),
    TOO_MANY_SIGNUPS(429, "signup.tooMany"),
    TOO_MANY_CODES(429, "verification.code.tooMany"),
    INTERNAL_ERROR(500, "problem.internal"),
    BUSY(503, "problem.busy");

    private final int status;
    private final String messageKey;

    ProblemCode(int status, String messageKey) {
        this.status = status;
        this.messageKey = messageKey;
    }

    public int status() {
        return status;
    }

    /** The message its problems usually carry. */
    public String messageKey() {
        return messageKey;
    }
}
