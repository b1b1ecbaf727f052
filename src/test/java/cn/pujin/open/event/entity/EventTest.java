package cn.pujin.open.event.entity;

import cn.pujin.open.platform.control.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The review life cycle (先审查后公开) as a pure rule, without a database. */
class EventTest {

    private static final Long AUTHOR = 1L;
    private static final Long REVIEWER = 2L;
    private static final Long OTHER_ORGANISER = 3L;
    private static final Instant NOW = Instant.parse("2026-07-01T02:00:00Z");

    private static Event draft() {
        return new Event(EventKind.OPEN_DAY, AUTHOR, NOW);
    }

    private static String code(Runnable action) {
        return assertThrows(Problem.class, action::run).code().name();
    }

    @Test
    void draftGoesThroughReviewToPublished() {
        Event e = draft();
        assertEquals(EventStatus.DRAFT, e.getStatus());
        e.submit(AUTHOR, NOW);
        assertEquals(EventStatus.IN_REVIEW, e.getStatus());
        e.approve(REVIEWER, NOW);
        assertEquals(EventStatus.PUBLISHED, e.getStatus());
        assertEquals(RevisionStatus.NONE, e.getRevision());
    }

    @Test
    void rejectionSendsBackToDraftWithTheReason() {
        Event e = draft();
        e.submit(AUTHOR, NOW);
        e.reject(REVIEWER, "请补充地点", NOW);
        assertEquals(EventStatus.DRAFT, e.getStatus());
        assertEquals("请补充地点", e.getReviewNote());
        e.submit(AUTHOR, NOW);
        assertEquals(null, e.getReviewNote(), "a new submission clears the old note");
    }

    @Test
    void nobodyReviewsTheirOwnWork() {
        Event e = draft();
        e.submit(OTHER_ORGANISER, NOW);
        assertEquals("SELF_REVIEW", code(() -> e.approve(AUTHOR, NOW)), "the author");
        assertEquals("SELF_REVIEW", code(() -> e.approve(OTHER_ORGANISER, NOW)), "the submitter");
        assertEquals("SELF_REVIEW", code(() -> e.reject(AUTHOR, "x", NOW)));
        e.approve(REVIEWER, NOW);
    }

    @Test
    void theLastEditorOfARevisionCannotApproveIt() {
        Event e = draft();
        e.submit(AUTHOR, NOW);
        e.approve(REVIEWER, NOW);
        e.edited(REVIEWER, NOW);
        assertEquals(RevisionStatus.DRAFT, e.getRevision());
        e.submit(AUTHOR, NOW);
        assertEquals("SELF_REVIEW", code(() -> e.approve(REVIEWER, NOW)));
        e.approve(4L, NOW);
        assertEquals(EventStatus.PUBLISHED, e.getStatus());
        assertEquals(RevisionStatus.NONE, e.getRevision());
    }

    @Test
    void revisionOfAPublishedEventKeepsItPublished() {
        Event e = draft();
        e.submit(AUTHOR, NOW);
        e.approve(REVIEWER, NOW);
        e.edited(AUTHOR, NOW);
        assertEquals(EventStatus.PUBLISHED, e.getStatus());
        assertEquals(RevisionStatus.DRAFT, e.getRevision());
        e.submit(AUTHOR, NOW);
        assertEquals(RevisionStatus.IN_REVIEW, e.getRevision());
        e.reject(REVIEWER, "时间冲突", NOW);
        assertEquals(EventStatus.PUBLISHED, e.getStatus());
        assertEquals(RevisionStatus.DRAFT, e.getRevision());
    }

    @Test
    void invalidTransitionsAreConflicts() {
        Event e = draft();
        assertEquals("INVALID_TRANSITION", code(() -> e.approve(REVIEWER, NOW)));
        assertEquals("INVALID_TRANSITION", code(() -> e.reject(REVIEWER, "x", NOW)));
        e.submit(AUTHOR, NOW);
        assertEquals("INVALID_TRANSITION", code(() -> e.submit(AUTHOR, NOW)));
        assertEquals("EVENT_IN_REVIEW", code(() -> e.edited(AUTHOR, NOW)));
        e.approve(REVIEWER, NOW);
        assertEquals("INVALID_TRANSITION", code(() -> e.submit(AUTHOR, NOW)), "nothing changed since publication");
        e.cancel("台风", NOW);
        assertEquals(EventStatus.CANCELLED, e.getStatus());
        assertEquals("EVENT_CANCELLED", code(() -> e.cancel("again", NOW)));
        assertEquals("EVENT_CANCELLED", code(() -> e.edited(AUTHOR, NOW)));
    }

    @Test
    void stateNamesTheRevision() {
        Event e = draft();
        assertEquals("DRAFT", e.state());
        e.submit(AUTHOR, NOW);
        e.approve(REVIEWER, NOW);
        e.edited(AUTHOR, NOW);
        assertEquals("PUBLISHED/REVISION_DRAFT", e.state());
    }
}
