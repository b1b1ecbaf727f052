package cn.pujin.open.participation.entity;

import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.platform.control.Problem;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A comment (意见) on a consultation — on one paragraph or on the whole draft, by a person or, marked as theirs, by an
 * invited organisation. Counted at once; its text is public only once a reviewer shows it. Answered through the one
 * citizen-input workflow ({@link Handling}) as part of its {@link CommentGroup}.
 */
@Entity
@Table(name = "consultation_comment")
public class ConsultationComment implements CitizenInput {

    /** Whether the text is public: a reviewer shows it, or keeps it out of public view (it is still counted and answered). */
    public enum Moderation { PENDING, SHOWN, HIDDEN }

    @Id
    @SequenceGenerator(name = "consultation_comment_seq", sequenceName = "consultation_comment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_comment_seq")
    private Long id;

    @Column(name = "consultation_id", nullable = false)
    private Long consultationId;

    @Column(name = "paragraph_id")
    private Long paragraphId;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "entered_by", nullable = false)
    private Long enteredBy;

    @Column(length = 100)
    private String organisation;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Moderation moderation = Moderation.PENDING;

    @Column(name = "moderated_by")
    private Long moderatedBy;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    @Column(name = "group_id")
    private Long groupId;

    @Embedded
    private Handling handling = new Handling();

    @Version
    private long version;

    protected ConsultationComment() {}

    public ConsultationComment(Long consultationId, Long paragraphId, Long authorId, String organisation, String text,
                               Instant at) {
        this.consultationId = consultationId;
        this.paragraphId = paragraphId;
        this.authorId = authorId;
        this.enteredBy = authorId;
        this.organisation = organisation;
        this.text = text;
        this.createdAt = at;
    }

    /** A reviewer who did not write it shows the text publicly or keeps it out of view. */
    public void moderate(Long reviewer, boolean show, Instant at) {
        Problem.requireOtherReviewer(reviewer, "consultation.selfReview", authorId);
        this.moderation = show ? Moderation.SHOWN : Moderation.HIDDEN;
        this.moderatedBy = reviewer;
        this.moderatedAt = at;
    }

    public void group(Long groupId) {
        this.groupId = groupId;
    }

    public Long getId() { return id; }
    public Long getConsultationId() { return consultationId; }
    public Long getParagraphId() { return paragraphId; }
    @Override
    public Long getAuthorId() { return authorId; }
    @Override
    public Long getEnteredBy() { return enteredBy; }
    public String getOrganisation() { return organisation; }
    @Override
    public String getText() { return text; }
    @Override
    public Instant getCreatedAt() { return createdAt; }
    public Moderation getModeration() { return moderation; }
    public Long getModeratedBy() { return moderatedBy; }
    public Instant getModeratedAt() { return moderatedAt; }
    public Long getGroupId() { return groupId; }
    @Override
    public Handling handling() { return handling; }
    public long getVersion() { return version; }
}
