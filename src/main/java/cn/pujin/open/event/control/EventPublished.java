package cn.pujin.open.event.control;

/** CDI event: the public version of an event changed (approved, revised or cancelled). */
public record EventPublished(Long eventId, int sequence) {}
