package cn.pujin.open.suggestion.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /feedback}: published answers with masked authors, and per event the adoption and on-time rates. */
public record FeedbackView(List<Item> items, long total, List<EventSummary> events) {

    public record Item(Long id, Long eventId, String eventTitle, Long agendaItemId, String agendaItemTitle,
                       String author, String channel, String text, OffsetDateTime submittedAt, String outcome,
                       String reason, String plan, OffsetDateTime publishedAt, boolean answeredOnTime,
                       String decision, List<SuggestionView.MilestoneView> milestones, int progress) {

        /** 1 suggestion → 2 decision → 3 implementation: how far along the public progress bar this one is. */
        public int stage() {
            if (!milestones.isEmpty()) {
                return 3;
            }
            return decision != null ? 2 : 1;
        }
    }

    public record EventSummary(Long eventId, String title, OffsetDateTime startsAt, long published, long adopted,
                               long partlyAdopted, long notAdopted, long explained, double adoptionRate,
                               double onTimeRate, List<AgendaDecision> agenda) {}

    public record AgendaDecision(Long agendaItemId, String title, String decision, LocalDate decidedOn) {}
}
