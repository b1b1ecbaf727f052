package cn.pujin.open.participation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Comments of a consultation that say the same thing, grouped by staff after the period (归类) and answered together:
 * each comment of the group gets the group's answer through the citizen-input workflow; the adoption report lists
 * the groups.
 */
@Entity
@Table(name = "comment_group")
public class CommentGroup {

    @Id
    @SequenceGenerator(name = "comment_group_seq", sequenceName = "comment_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_group_seq")
    private Long id;

    @Column(name = "consultation_id", nullable = false)
    private Long consultationId;

    @Column(name = "paragraph_id")
    private Long paragraphId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "department_id", nullable = false)
    private Long departmentId;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CommentGroup() {}

    public CommentGroup(Long consultationId, Long paragraphId, String title, Long departmentId, Long createdBy, Instant at) {
        this.consultationId = consultationId;
        this.paragraphId = paragraphId;
        this.title = title;
        this.departmentId = departmentId;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getConsultationId() { return consultationId; }
    public Long getParagraphId() { return paragraphId; }
    public String getTitle() { return title; }
    public Long getDepartmentId() { return departmentId; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
