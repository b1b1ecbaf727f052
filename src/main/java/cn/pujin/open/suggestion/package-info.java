/**
 * Suggestions on meetings (意见建议) by attendees, or entered by staff from paper or oral comments, with attachments,
 * handled through the citizen-input workflow ({@code SuggestionSource}); implementation milestones of adopted ones;
 * the public feedback (published answers).
 * <p>Tables: suggestion, suggestion_attachment, suggestion_setting, milestone.
 * <p>Fires: nothing.
 * <p>Observes: AgendaItemRemoving (refuses when the item has suggestions), AccountDeleted.
 */
package cn.pujin.open.suggestion;
