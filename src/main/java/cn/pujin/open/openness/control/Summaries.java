package cn.pujin.open.openness.control;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.openness.entity.EventPhoto;
import cn.pujin.open.openness.entity.EventSummary;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.review.entity.ReviewedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Summaries (活动总结) and photos of past events: the organiser writes and uploads, a reviewer who did not write
 * the summary publishes it, and with it the photos it was reviewed with.
 */
@ApplicationScoped
public class Summaries {

    public static final int TEXT_MAX = 4000;
    public static final int PHOTOS_MAX = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    public record PhotoView(Long id, Long eventId, String caption, int width, int height, boolean published, String url) {}

    /** Staff see the text in review and every photo; the public only what was published. */
    public record SummaryView(Long eventId, String eventTitle, String text, String status, String reviewNote,
                              String publishedText, OffsetDateTime publishedAt, List<PhotoView> photos) {}

    @Transactional
    public EventSummary write(Long organiser, Long eventId, String text) {
        var event = seats.bookable(eventId);
        if (event.startsAt().isAfter(clock.instant())) {
            throw Problem.conflict(ProblemCode.EVENT_NOT_HELD, "summary.notHeld");
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        if (t == null || t.codePointCount(0, t.length()) > TEXT_MAX) {
            throw Problem.invalid("text", "validation.length", 1, TEXT_MAX);
        }
        EventSummary s = em.find(EventSummary.class, eventId);
        if (s == null) {
            s = new EventSummary(eventId);
            em.persist(s);
        }
        ReviewedText.Status before = s.content().getStatus();
        s.content().write(organiser, t, clock.instant());
        audit.record(organiser, "summary", eventId, "summary.write", before, s.content().getStatus(), null);
        return s;
    }

    @Transactional
    public EventSummary publish(Long reviewer, Long eventId) {
        EventSummary s = existing(eventId);
        ReviewedText.Status before = s.content().getStatus();
        s.content().publish(reviewer, clock.instant());
        int photos = 0;
        for (EventPhoto p : photos(eventId)) {
            if (!p.isPublished()) {
                p.publish(clock.instant());
                photos++;
            }
        }
        audit.record(reviewer, "summary", eventId, "summary.publish", before, s.content().getStatus(), photos + " photos");
        return s;
    }

    @Transactional
    public EventSummary returnToAuthor(Long reviewer, Long eventId, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null || why.length() > 500) {
            throw Problem.invalid("reason", "validation.length", 1, 500);
        }
        EventSummary s = existing(eventId);
        ReviewedText.Status before = s.content().getStatus();
        s.content().returnToAuthor(reviewer, why);
        audit.record(reviewer, "summary", eventId, "summary.return", before, s.content().getStatus(), why);
        return s;
    }

    @Transactional
    public EventPhoto addPhoto(Long organiser, Long eventId, String caption, byte[] upload) {
        seats.bookable(eventId);
        String c = caption == null || caption.isBlank() ? null : caption.strip();
        if (c != null && c.length() > 200) {
            throw Problem.invalid("caption", "validation.size.max.n", 200);
        }
        long count = em.createQuery("select count(p) from EventPhoto p where p.eventId = :e", Long.class)
                .setParameter("e", eventId).getSingleResult();
        if (count >= PHOTOS_MAX) {
            throw Problem.conflict(ProblemCode.TOO_MANY_PHOTOS, "photo.tooMany", PHOTOS_MAX);
        }
        Photos.Encoded encoded = Photos.reencode(upload);
        EventPhoto p = new EventPhoto(eventId, c, encoded.width(), encoded.height(), encoded.jpeg(), organiser, clock.instant());
        em.persist(p);
        em.flush();
        audit.record(organiser, "summary", eventId, "summary.photo.add", null, null, "photo " + p.getId());
        return p;
    }

    @Transactional
    public void removePhoto(Long organiser, Long eventId, Long photoId) {
        EventPhoto p = photoId == null ? null : em.find(EventPhoto.class, photoId);
        if (p == null || !p.getEventId().equals(eventId)) {
            throw Problem.notFound();
        }
        em.remove(p);
        audit.record(organiser, "summary", eventId, "summary.photo.remove", null, null, "photo " + photoId);
    }

    /** A photo's bytes: published ones for anyone, the others for staff only (404 otherwise). */
    public EventPhoto photo(Long eventId, Long photoId, boolean staff) {
        EventPhoto p = photoId == null ? null : em.find(EventPhoto.class, photoId);
        if (p == null || !p.getEventId().equals(eventId) || !(p.isPublished() || staff)) {
            throw Problem.notFound();
        }
        return p;
    }

    public List<EventPhoto> photos(Long eventId) {
        return em.createQuery("select p from EventPhoto p where p.eventId = :e order by p.id", EventPhoto.class)
                .setParameter("e", eventId).getResultList();
    }

    public SummaryView view(Long eventId, boolean staff) {
        var event = seats.bookable(eventId);
        EventSummary s = em.find(EventSummary.class, eventId);
        List<PhotoView> photos = photos(eventId).stream().filter(p -> staff || p.isPublished())
                .map(p -> new PhotoView(p.getId(), eventId, p.getCaption(), p.getWidth(), p.getHeight(), p.isPublished(),
                        "/api/v1/events/" + eventId + "/photos/" + p.getId() + ".jpg")).toList();
        if (s == null) {
            return new SummaryView(eventId, event.title(), null, null, null, null, null, photos);
        }
        ReviewedText c = s.content();
        return new SummaryView(eventId, event.title(), staff ? c.getText() : c.getPublishedText(),
                staff ? c.getStatus().name() : null, staff ? c.getReviewNote() : null, c.getPublishedText(),
                Times.local(c.getPublishedAt()), photos);
    }

    /** Summaries waiting for a reviewer. */
    public List<SummaryView> inReview() {
        return em.createQuery("select s.eventId from EventSummary s where s.content.status = :st order by s.content.writtenAt",
                        Long.class).setParameter("st", ReviewedText.Status.IN_REVIEW).setMaxResults(100).getResultList()
                .stream().map(id -> view(id, true)).toList();
    }

    private EventSummary existing(Long eventId) {
        seats.bookable(eventId);
        EventSummary s = em.find(EventSummary.class, eventId);
        if (s == null) {
            throw Problem.notFound();
        }
        return s;
    }
}
