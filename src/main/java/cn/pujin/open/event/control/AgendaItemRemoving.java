package cn.pujin.open.event.control;

/**
 * Fired (synchronously, in the removing transaction) before an agenda item is removed: a feature that still refers to
 * the item (citizens' suggestions on it) refuses by throwing a problem, and the item stays.
 */
public record AgendaItemRemoving(Long eventId, Long agendaItemId) {}
