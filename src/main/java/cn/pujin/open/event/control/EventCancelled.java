package cn.pujin.open.event.control;

/** CDI event, fired in the cancelling transaction: the event is off, with this public reason. */
public record EventCancelled(Long eventId, String reason) {}
