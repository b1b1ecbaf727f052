package cn.pujin.open.event.entity;

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

/** An uploaded meeting material (会议材料): its type was judged from its bytes, never taken from the client. */
@Entity
@Table(name = "material_file")
public class MaterialFile {

    @Id
    @SequenceGenerator(name = "material_file_seq", sequenceName = "material_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_file_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "file_name", nullable = false, length = 120)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    private Long uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MaterialFile() {}

    public MaterialFile(Long eventId, String fileName, String mediaType, byte[] content, Long uploadedBy, Instant at) {
        this.eventId = eventId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = content.length;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public int getSize() { return size; }
    public byte[] getContent() { return content; }
    public Instant getCreatedAt() { return createdAt; }
}
