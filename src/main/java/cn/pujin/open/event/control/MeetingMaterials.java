package cn.pujin.open.event.control;

import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventPublication;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.event.entity.MaterialFile;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meeting materials (会议材料): files organisers upload (PDF, Word, Excel, images — judged by their bytes, 5 MiB at most)
 * for agenda items to link to, and the rule that a meeting's materials are public at least
 * {@code MATERIALS_WORKING_DAYS} working days (default 5) before it, which the editor and the review queue watch.
 */
@ApplicationScoped
public class MeetingMaterials {

    private static final Set<String> TYPES = Set.of("application/pdf", FileTypes.DOCX, FileTypes.XLSX, "image/png", "image/jpeg",
            "image/webp");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Events events;

    @Inject
    @ConfigProperty(name = "MATERIALS_WORKING_DAYS", defaultValue = "5")
    int workingDays;

    public record FileView(Long id, String fileName, String mediaType, int size, String url, OffsetDateTime uploadedAt) {}

    /** Where a meeting stands with its materials: due by the end of {@code dueOn}; late when that passed without them. */
    public record Status(LocalDate dueOn, int workingDays, OffsetDateTime publishedAt, boolean hasMaterials, boolean late,
                         List<FileView> files) {}

    public static String url(Long fileId) {
        return "/api/v1/materials/" + fileId;
    }

    @Transactional
    public MaterialFile upload(Long organiser, Long eventId, String name, byte[] content) {
        Event event = events.working(eventId);
        if (event.getKind() != EventKind.DECISION_MEETING) {
            throw Problem.conflict(ProblemCode.NOT_A_MEETING, "selection.notMeeting");
        }
        if (!clock.instant().isBefore(event.getEndsAt())) {
            throw Problem.conflict(ProblemCode.MEETING_OVER, "materials.meetingOver");
        }
        if (content.length == 0) {
            throw Problem.invalid("file", "validation.required");
        }
        if (content.length > FileTypes.MAX_FILE_BYTES) {
            throw new Problem(413, ProblemCode.PAYLOAD_TOO_LARGE, "problem.tooLarge", null, null);
        }
        String type = FileTypes.sniffDocument(content).filter(TYPES::contains)
                .orElseThrow(() -> Problem.invalid("file", "materials.type"));
        MaterialFile file = new MaterialFile(eventId, FileTypes.safeName(name, type), type, content, organiser, clock.instant());
        em.persist(file);
        em.flush();
        audit.record(organiser, "event", eventId, "materials.upload", null, null, file.getFileName());
        return file;
    }

    /** A file: staff always; anyone once an approved version of its meeting links to it. */
    public MaterialFile file(Long fileId, boolean staff) {
        MaterialFile file = fileId == null ? null : em.find(MaterialFile.class, fileId);
        if (file == null) {
            throw Problem.notFound();
        }
        if (!staff) {
            EventPublication p = em.find(EventPublication.class, file.getEventId());
            if (p == null || p.getStatus() != EventStatus.PUBLISHED && p.getStatus() != EventStatus.CANCELLED
                    || !p.getSnapshot().contains(url(fileId) + "\"")) {
                throw Problem.notFound();
            }
        }
        return file;
    }

    public Status status(Long eventId) {
        Event event = events.working(eventId);
        EventPublication p = em.find(EventPublication.class, eventId);
        List<FileView> files = em.createQuery("select f from MaterialFile f where f.eventId = :e order by f.id", MaterialFile.class)
                .setParameter("e", eventId).getResultList().stream()
                .map(f -> new FileView(f.getId(), f.getFileName(), f.getMediaType(), f.getSize(), url(f.getId()), Times.local(f.getCreatedAt())))
                .toList();
        return status(event, p == null ? null : p.getMaterialsPublishedAt(), files);
    }

    /** The rule for a meeting (null for open days, cancelled or ended meetings: nothing to watch). */
    public Status status(Event event, Instant publishedAt, List<FileView> files) {
        if (event.getKind() != EventKind.DECISION_MEETING) {
            return null;
        }
        LocalDate meetingDay = event.getStartsAt().atZone(Clocks.ZONE).toLocalDate();
        LocalDate dueOn = calendar.days().minus(meetingDay, Math.max(0, workingDays));
        LocalDate today = LocalDate.now(clock.withZone(Clocks.ZONE));
        boolean hasMaterials = event.getAgendaItems().stream().anyMatch(i -> !i.getMaterials().isEmpty());
        boolean late = event.getStatus() != EventStatus.CANCELLED && clock.instant().isBefore(event.getEndsAt())
                && (publishedAt == null ? today.isAfter(dueOn) : publishedAt.atZone(Clocks.ZONE).toLocalDate().isAfter(dueOn));
        return new Status(dueOn, workingDays, Times.local(publishedAt), hasMaterials, late, files);
    }
}
