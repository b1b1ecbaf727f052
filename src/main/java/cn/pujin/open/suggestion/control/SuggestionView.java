package cn.pujin.open.suggestion.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A suggestion as its author or staff see it. The author sees outcome, reason and plan only once the
 * answer is published; staff see the whole way through supervision.
 */
public record SuggestionView(Long id, Long eventId, String eventTitle, Long agendaItemId, String agendaItemTitle,
                             String author, String channel, String onBehalfOf, String text, String status,
                             OffsetDateTime createdAt, Long departmentId, String department, OffsetDateTime assignedAt,
                             LocalDate acknowledgeDueOn, OffsetDateTime acknowledgedAt, LocalDate dueOn, boolean overdue,
                             OffsetDateTime answeredAt, String outcome, String reason, String plan, String returnedReason,
                             OffsetDateTime publishedAt, Integer rating, String ratingComment, OffsetDateTime ratedAt,
                             boolean flagged, String decision, List<AttachmentView> attachments,
                             List<MilestoneView> milestones, long version) {

    public record AttachmentView(Long id, String fileName, String mediaType, int size) {}

    public record MilestoneView(Long id, LocalDate dueOn, String text, int progress, String status) {}

    /** YJ000031: the number people quote on the phone and in mails. */
    public String number() {
        return Suggestions.number(id);
    }

    /** Steps for the timeline on "my suggestions": submitted, assigned, answered, published, rated. */
    public List<Step> timeline() {
        return List.of(new Step("SUBMITTED", createdAt), new Step("ASSIGNED", assignedAt),
                new Step("ANSWERED", answeredAt), new Step("PUBLISHED", publishedAt), new Step("RATED", ratedAt));
    }

    public record Step(String name, OffsetDateTime at) {
        public boolean isDone() {
            return at != null;
        }
    }

    /** The highest progress of the published milestones (0 when there are none). */
    public int progress() {
        return milestones == null ? 0 : milestones.stream().mapToInt(MilestoneView::progress).max().orElse(0);
    }
}
