package cn.pujin.open.message.control;

import java.util.List;

/** An FAQ entry as staff write it: its topic, the question, the answer and the answered messages it comes from. */
public record FaqRequest(Long topicId, String question, String answer, List<Long> messageIds) {}
