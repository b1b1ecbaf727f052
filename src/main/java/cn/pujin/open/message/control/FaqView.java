package cn.pujin.open.message.control;

import java.time.OffsetDateTime;
import java.util.List;

/** An FAQ entry; {@code status}, {@code reviewNote}, {@code authorId} and {@code messageIds} as staff see them. */
public record FaqView(Long id, Long topicId, String topic, String question, String answer, String status,
                      List<String> messageNumbers, List<Long> messageIds, OffsetDateTime publishedAt, String reviewNote,
                      Long authorId, long version) {}
