package cn.pujin.open.suggestion.entity;

import cn.pujin.open.input.entity.InputAttachment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image or PDF attached to a suggestion. */
@Entity
@Table(name = "suggestion_attachment")
public class SuggestionAttachment extends InputAttachment {

    @Id
    @SequenceGenerator(name = "suggestion_attachment_seq", sequenceName = "suggestion_attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suggestion_attachment_seq")
    private Long id;

    @Column(name = "suggestion_id", nullable = false)
    private Long suggestionId;

    protected SuggestionAttachment() {}

    public SuggestionAttachment(Long suggestionId, String fileName, String mediaType, byte[] content, Instant at) {
        super(fileName, mediaType, content, at);
        this.suggestionId = suggestionId;
    }

    @Override
    public Long getId() { return id; }
    public Long getSuggestionId() { return suggestionId; }
}
