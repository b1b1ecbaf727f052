package cn.pujin.open.participation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person follows a topic: a mail when a consultation on it opens. */
@Entity
@Table(name = "topic_subscription")
@IdClass(TopicSubscription.Key.class)
public class TopicSubscription {

    /** The primary key: one row per person and topic. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long accountId;
        private Long topicId;

        public Key() {}

        public Key(Long accountId, Long topicId) {
            this.accountId = accountId;
            this.topicId = topicId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(topicId, k.topicId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, topicId);
        }
    }

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "topic_id")
    private Long topicId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TopicSubscription() {}

    public TopicSubscription(Long accountId, Long topicId, Instant at) {
        this.accountId = accountId;
        this.topicId = topicId;
        this.createdAt = at;
    }

    public Long getAccountId() { return accountId; }
    public Long getTopicId() { return topicId; }
    public Instant getCreatedAt() { return createdAt; }
}
