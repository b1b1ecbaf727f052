package cn.pujin.open.suggestion.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Per event: how many days after its end suggestions are taken, and how many working days an answer may take. */
@Entity
@Table(name = "suggestion_setting")
public class SuggestionSetting {

    public static final int DEFAULT_WINDOW_DAYS = 7;
    public static final int DEFAULT_ANSWER_DAYS = 15;

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "window_days", nullable = false)
    private int windowDays = DEFAULT_WINDOW_DAYS;

    @Column(name = "answer_days", nullable = false)
    private int answerDays = DEFAULT_ANSWER_DAYS;

    @Version
    private long version;

    protected SuggestionSetting() {}

    public SuggestionSetting(Long eventId) {
        this.eventId = eventId;
    }

    public void change(int windowDays, int answerDays) {
        this.windowDays = windowDays;
        this.answerDays = answerDays;
    }

    public Long getEventId() { return eventId; }
    public int getWindowDays() { return windowDays; }
    public int getAnswerDays() { return answerDays; }
}
