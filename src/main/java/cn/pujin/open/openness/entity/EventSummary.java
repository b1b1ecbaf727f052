package cn.pujin.open.openness.entity;

import cn.pujin.open.review.entity.ReviewedText;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The organiser's summary of a past event (活动总结), reviewed before publication. */
@Entity
@Table(name = "event_summary")
public class EventSummary {

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Embedded
    private ReviewedText content = new ReviewedText();

    @Version
    private long version;

    protected EventSummary() {}

    public EventSummary(Long eventId) {
        this.eventId = eventId;
    }

    public Long getEventId() { return eventId; }
    public ReviewedText content() { return content; }
    public long getVersion() { return version; }
}
