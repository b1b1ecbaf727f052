package cn.pujin.open.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every page of the site, by the role that uses it ("" = an anonymous visitor), for the walks of the browser tests. */
final class SiteMap {

    private SiteMap() {
    }

    /**
     * The pages, with {@code event} (a published open day), {@code meeting} (a decision meeting) or {@code majorDecision}
     * (a published catalogue item of the year {@link MajorDecisionsIT#HELPER_YEAR}) or {@code consultation} (one open for
     * comment), {@code board}: a published public message, one of citizen1 waiting for its answer and a published
     * investigation, where a page shows one.
     */
    record Board(long published, long pending, long investigation) {}

    static Map<String, List<String>> pages(long event, long meeting, long majorDecision, long consultation, Board board) {
        return pages(event, meeting, majorDecision, consultation, board, SelectionPagesIT.demoMeeting());
    }

    /** {@code gongshi}: a meeting whose selection is published and takes objections (the demo's). */
    static Map<String, List<String>> pages(long event, long meeting, long majorDecision, long consultation, Board board, long gongshi) {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("", List.of("/", "/events/", "/events/detail.xhtml?id=" + event,
                "/events/detail.xhtml?id=" + meeting, "/open/", "/open/stats.xhtml",
                "/open/feedback.xhtml", "/major-decisions/", "/major-decisions/?year=" + MajorDecisionsIT.HELPER_YEAR,
                "/major-decisions/detail.xhtml?id=" + majorDecision, "/consultations/",
                "/consultations/detail.xhtml?id=" + consultation, "/messages/", "/messages/faq.xhtml",
                "/messages/detail.xhtml?id=" + board.published(), "/messages/investigation.xhtml?id=" + board.investigation(),
                "/events/selection.xhtml?id=" + gongshi, "/events/verify.xhtml?id=" + gongshi,
                "/privacy.xhtml", "/login.xhtml", "/signup.xhtml"));
        pages.put("citizen1", List.of("/events/detail.xhtml?id=" + meeting, "/me/", "/me/registrations.xhtml", "/me/passes.xhtml", "/me/suggestions.xhtml",
                "/me/representative.xhtml", "/consultations/detail.xhtml?id=" + consultation, "/messages/", "/messages/detail.xhtml?id=" + board.pending()));
        pages.put("organiser", List.of("/organiser/", "/organiser/event.xhtml?id=" + event, "/organiser/registrations.xhtml?event=" + event,
                "/organiser/suggestions.xhtml", "/organiser/pool.xhtml", "/organiser/checkin/summary.xhtml?event=" + event,
                "/organiser/summary.xhtml?event=" + event, "/organiser/selection.xhtml?event=" + meeting,
                "/organiser/selection.xhtml?event=" + gongshi,
                "/organiser/major-decisions.xhtml", "/organiser/consultations.xhtml", "/organiser/messages.xhtml"));
        pages.put("reviewer", List.of("/review/", "/review/suggestions.xhtml", "/review/major-decisions.xhtml", "/review/consultations.xhtml",
                "/review/messages.xhtml", "/review/objections.xhtml"));
        pages.put("handler", List.of("/handler/", "/handler/consultations.xhtml", "/handler/messages.xhtml"));
        pages.put("admin", List.of("/admin/accounts.xhtml", "/admin/audit.xhtml", "/admin/calendar.xhtml", "/admin/retention.xhtml",
                "/admin/system.xhtml"));
        return pages;
    }
}
