package cn.pujin.open.message.entity;

import cn.pujin.open.input.entity.InputAttachment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image or PDF attached to a message. */
@Entity
@Table(name = "message_attachment")
public class MessageAttachment extends InputAttachment {

    @Id
    @SequenceGenerator(name = "message_attachment_seq", sequenceName = "message_attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_attachment_seq")
    private Long id;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    protected MessageAttachment() {}

    public MessageAttachment(Long messageId, String fileName, String mediaType, byte[] content, Instant at) {
        super(fileName, mediaType, content, at);
        this.messageId = messageId;
    }

    @Override
    public Long getId() { return id; }
    public Long getMessageId() { return messageId; }
}
