package cn.pujin.open.message.control;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message as the caller may see it: the public sees a published public message with its author masked; its author and
 * staff see the clock ({@code acknowledgeBy}, {@code answerBy}, an extension and why), a returned answer's reason only
 * staff and the department's handlers; {@code similar} answered messages and FAQ entries only staff.
 */
public record MessageView(Long id, String number, String kind, String text, String author, boolean mine,
                          List<TopicRef> topics, Long consultationId, String consultationTitle,
                          @JsonbProperty("public") boolean isPublic, OffsetDateTime createdAt, LocalDate receivedOn,
                          LocalDate acknowledgeBy, LocalDate answerBy, OffsetDateTime acknowledgedAt, String acknowledgement,
                          boolean acknowledgementTemplated, String status, Long departmentId, String department, boolean overdue,
                          String extendedReason, OffsetDateTime extendedAt, String outcome, String reason, String plan,
                          OffsetDateTime answeredAt, String returnedReason, OffsetDateTime publishedAt, Integer rating,
                          String ratingComment, List<AttachmentView> attachments, List<Similar> similar, long version) {

    public record TopicRef(Long id, String name) {}

    public record AttachmentView(Long id, String fileName, String mediaType, int size) {}

    /** An answered message or FAQ entry like this one: {@code kind} "message" or "faq", what was asked and answered. */
    public record Similar(String kind, Long id, String number, String question, String answer, String outcome) {}
}
