package cn.pujin.open.message.control;

import jakarta.json.bind.annotation.JsonbProperty;

/** A message as its author sends it: {@code kind} QUESTION (default), SUGGESTION or COMPLAINT; {@code public} or not. */
public record MessageRequest(String kind, String text, Long topicId, Long consultationId, @JsonbProperty("public") Boolean isPublic) {}
