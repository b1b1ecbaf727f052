package cn.pujin.open.suggestion.control;

/**
 * {@code POST /events/{id}/suggestions}: an attendee sends {@code agendaItemId?} and {@code text}; staff
 * entering a paper or oral comment add {@code onBehalfOf}, {@code channel} and, when the person is
 * registered, {@code registrationId}.
 */
public record SuggestionRequest(Long agendaItemId, String text, String onBehalfOf, String channel, Long registrationId) {}
