package cn.pujin.open.event.control;

/** CDI event, fired in the publishing transaction when a meeting decision (会议议定结果) becomes public. */
public record DecisionPublished(Long eventId, Long agendaItemId, String agendaItem) {}
