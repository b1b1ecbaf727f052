package cn.pujin.open.input.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * An image or PDF attached to a citizen input (a suggestion, a message); its type was sniffed from its bytes, never
 * taken from the client. Each kind keeps its attachments in its own table.
 */
@MappedSuperclass
public abstract class InputAttachment {

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

    protected InputAttachment() {}

    protected InputAttachment(String fileName, String mediaType, byte[] content, Instant at) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = content.length;
        this.content = content;
        this.createdAt = at;
    }

    public abstract Long getId();
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public int getSize() { return size; }
    public byte[] getContent() { return content; }
    public Instant getCreatedAt() { return createdAt; }
}
