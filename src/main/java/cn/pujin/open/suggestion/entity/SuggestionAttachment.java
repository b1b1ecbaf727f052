package cn.pujin.open.suggestion.entity;

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

/** An image or PDF attached to a suggestion; its type was sniffed from its bytes, never taken from the client. */
@Entity
@Table(name = "suggestion_attachment")
public class SuggestionAttachment {

    @Id
    @SequenceGenerator(name = "suggestion_attachment_seq", sequenceName = "suggestion_attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suggestion_attachment_seq")
    private Long id;

    @Column(name = "suggestion_id", nullable = false)
    private Long suggestionId;

    @Column(name = "file_name", nullable = false, length = 120)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 40)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SuggestionAttachment() {}

    public SuggestionAttachment(Long suggestionId, String fileName, String mediaType, byte[] content, Instant at) {
        this.suggestionId = suggestionId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = content.length;
        this.content = content;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getSuggestionId() { return suggestionId; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public int getSize() { return size; }
    public byte[] getContent() { return content; }
    public Instant getCreatedAt() { return createdAt; }
}
