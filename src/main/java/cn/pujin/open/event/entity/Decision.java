package cn.pujin.open.event.entity;

import cn.pujin.open.review.entity.ReviewedText;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What the meeting decided on one agenda item (会议议定结果): a text reviewed before publication. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Embedded
    private ReviewedText content = new ReviewedText();

    @Version
    private long version;

    protected Decision() {}

    public Decision(Long agendaItemId, Long eventId) {
        this.agendaItemId = agendaItemId;
        this.eventId = eventId;
    }

    public Long getAgendaItemId() { return agendaItemId; }
    public Long getEventId() { return eventId; }
    public ReviewedText content() { return content; }
    public long getVersion() { return version; }
}
