package cn.pujin.open.participation.control;

import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.ConsultationParagraph;
import cn.pujin.open.participation.entity.MajorDecision;
import cn.pujin.open.participation.entity.Topic;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consultations on policy drafts (征求意见) from draft to publication: organisers write the draft in paragraphs with its
 * interpretation and period, a reviewer who neither wrote nor submitted it publishes; without an interpretation it is
 * refused (三同步). A draft of a catalogue item is open at least {@code CONSULTATION_MIN_DAYS} days. On publication the
 * people following its topic are told. Every state change is audited.
 */
@ApplicationScoped
public class Consultations {

    public static final int REASON_MAX = 500;
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    @Inject
    Links links;

    @Inject
    @ConfigProperty(name = "CONSULTATION_MIN_DAYS", defaultValue = "30")
    int minDays;

    @Transactional
    public Consultation create(Long author, @NotNull(message = "{validation.body}") @Valid ConsultationDraft d) {
        Consultation c = new Consultation(author, clock.instant());
        describe(c, d);
        em.persist(c);
        em.flush();
        paragraphs(c, d.paragraphs());
        audit.record(author, "consultation", c.getId(), "consultation.create", null, c.getStatus(), null);
        return c;
    }

    @Transactional
    public Consultation update(Long editor, Long id, @NotNull(message = "{validation.body}") @Valid ConsultationDraft d) {
        if (d.version() == null) {
            throw Problem.invalid("version", "validation.required");
        }
        Consultation c = find(id);
        Problem.requireTransition(c.getStatus() == Consultation.Status.DRAFT, "consultation.transition.invalid", "edit",
                c.getStatus());
        Problem.requireVersion(d.version(), c.getVersion());
        describe(c, d);
        em.createQuery("delete from ConsultationParagraph p where p.consultationId = :c").setParameter("c", id).executeUpdate();
        paragraphs(c, d.paragraphs());
        audit.record(editor, "consultation", id, "consultation.update", c.getStatus(), c.getStatus(), null);
        return c;
    }

    /** To review: with its interpretation (409 INTERPRETATION_REQUIRED) and a period that has not ended. */
    @Transactional
    public Consultation submit(Long actor, Long id) {
        Consultation c = find(id);
        if (c.getStatus() == Consultation.Status.DRAFT && !c.getClosesAt().isAfter(clock.instant())) {
            throw Problem.invalid("closesAt", "consultation.period.over");
        }
        var before = c.getStatus();
        c.submit(actor, clock.instant());
        audit.record(actor, "consultation", id, "consultation.submit", before, c.getStatus(), null);
        return c;
    }

    /** Publishes the draft with its interpretation; the followers of its topic get a mail. */
    @Transactional
    public Consultation approve(Long reviewer, Long id) {
        Consultation c = find(id);
        var before = c.getStatus();
        c.approve(reviewer, clock.instant());
        audit.record(reviewer, "consultation", id, "consultation.approve", before, c.getStatus(), null);
        if (c.getTopicId() != null) {
            tellFollowers(c);
        }
        return c;
    }

    @Transactional
    public Consultation reject(Long reviewer, Long id, String reason) {
        String why = Texts.reason(reason, REASON_MAX, "consultation.reason.review");
        Consultation c = find(id);
        var before = c.getStatus();
        c.reject(reviewer, why, clock.instant());
        audit.record(reviewer, "consultation", id, "consultation.reject", before, c.getStatus(), why);
        return c;
    }

    public Consultation find(Long id) {
        Consultation c = id == null ? null : em.find(Consultation.class, id);
        if (c == null) {
            throw Problem.notFound();
        }
        return c;
    }

    /** The consultation, or null (for another feature that refers to one). */
    public Consultation findOrNull(Long id) {
        return id == null ? null : em.find(Consultation.class, id);
    }

    /** {0} title, {1} topic, {2} opens, {3} closes, {4} link. */
    private void tellFollowers(Consultation c) {
        Topic topic = em.find(Topic.class, c.getTopicId());
        Object[] args = {c.getTitle(), topic.getName(), DAY_TIME.format(Times.local(c.getOpensAt())),
                DAY_TIME.format(Times.local(c.getClosesAt())), links.to("/consultations/detail.xhtml?id=" + c.getId())};
        for (Long follower : em.createQuery("select s.accountId from TopicSubscription s where s.topicId = :t", Long.class)
                .setParameter("t", c.getTopicId()).getResultList()) {
            notifications.notify(follower, null, "CONSULTATION_PUBLISHED", "mail.consultation.published", args, null);
        }
    }

    private void describe(Consultation c, ConsultationDraft d) {
        Instant opens = d.opensAt().toInstant();
        Instant closes = d.closesAt().toInstant();
        if (!closes.isAfter(opens)) {
            throw Problem.invalid("closesAt", "consultation.period.order");
        }
        if (!closes.isAfter(clock.instant())) {
            throw Problem.invalid("closesAt", "consultation.period.over");
        }
        if (d.majorDecisionId() != null) {
            MajorDecision m = em.find(MajorDecision.class, d.majorDecisionId());
            if (m == null) {
                throw Problem.invalid("majorDecisionId", "validation.unknownReference");
            }
            if (Duration.between(opens, closes).compareTo(Duration.ofDays(minDays)) < 0) {
                throw Problem.invalid("closesAt", "consultation.period.tooShort", minDays);
            }
        }
        if (d.topicId() != null && em.find(Topic.class, d.topicId()) == null) {
            throw Problem.invalid("topicId", "validation.unknownReference");
        }
        List<String> organisations = Optional.ofNullable(d.invitedOrganisations()).orElse(List.of()).stream()
                .map(String::strip).distinct().toList();
        c.describe(d.title().strip(), d.majorDecisionId(), d.topicId(), Texts.strip(d.interpretation()), opens, closes,
                organisations, clock.instant());
    }

    private void paragraphs(Consultation c, List<String> texts) {
        int n = 0;
        for (String text : texts) {
            em.persist(new ConsultationParagraph(c.getId(), ++n, text.strip()));
        }
    }

    /** The minimum period of a catalogue item's draft, in days (for the form's hint). */
    public int minDays() {
        return minDays;
    }

    /** What a comment or group is about, as people read it: "第3段", or "全文" for the whole draft. */
    public static String paragraphLabel(Locale locale, Integer number) {
        return number == null ? Messages.get(locale, "consultation.whole") : Messages.get(locale, "consultation.paragraphLabel", number);
    }
}
