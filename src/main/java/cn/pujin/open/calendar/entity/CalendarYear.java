package cn.pujin.open.calendar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A year of the working-day calendar as an admin saved it (same JSON as config/calendar/YEAR.json). */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {

    @Id
    @Column(name = "year_number")
    private Integer year;

    @Column(nullable = false, length = 20000)
    private String content;

    @Column(name = "updated_by", nullable = false)
    private Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CalendarYear() {}

    public CalendarYear(Integer year) {
        this.year = year;
    }

    public void change(String content, Long admin, Instant at) {
        this.content = content;
        this.updatedBy = admin;
        this.updatedAt = at;
    }

    public Integer getYear() { return year; }
    public String getContent() { return content; }
    public Long getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
