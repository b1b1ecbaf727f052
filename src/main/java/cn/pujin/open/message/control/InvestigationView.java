package cn.pujin.open.message.control;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A topic investigation: its findings and conclusion, and the messages it answers — the public sees the numbers of
 * all of them and the text of public ones; {@code status} and {@code reviewNote} as staff see them.
 */
public record InvestigationView(Long id, Long topicId, String topic, String title, String findings, String conclusion,
                                String status, OffsetDateTime openedAt, OffsetDateTime publishedAt, int messageCount,
                                List<Linked> messages, String reviewNote, long version) {

    /** A message the investigation answers; {@code text} only when it is public (or for staff). */
    public record Linked(Long id, String number, String text) {}

    /** A topic whose messages passed the threshold within the period, with no investigation open on it. */
    public record Proposal(Long topicId, String topic, long messages, int days) {}
}
