package cn.pujin.open.openness.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A photo of an event, stored re-encoded (JPEG, at most 1600 px, no metadata); public once its summary is. */
@Entity
@Table(name = "event_photo")
public class EventPhoto {

    @Id
    @SequenceGenerator(name = "event_photo_seq", sequenceName = "event_photo_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_photo_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(length = 200)
    private String caption;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    private Long uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected EventPhoto() {}

    public EventPhoto(Long eventId, String caption, int width, int height, byte[] jpeg, Long uploadedBy, Instant at) {
        this.eventId = eventId;
        this.caption = caption;
        this.width = width;
        this.height = height;
        this.size = jpeg.length;
        this.content = jpeg;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    public void publish(Instant at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    public boolean isPublished() { return publishedAt != null; }
    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public String getCaption() { return caption; }
    public int getWidth() { return width; }
    public int getHeight() { return height; }
    public int getSize() { return size; }
    public byte[] getContent() { return content; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getPublishedAt() { return publishedAt; }
}
