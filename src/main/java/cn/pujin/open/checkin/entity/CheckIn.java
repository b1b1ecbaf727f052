package cn.pujin.open.checkin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One scan at a station (签到), admitted or not. {@code admittedRegistrationId} is set only while this
 * scan is the person's admission; a unique constraint on it admits a pass once.
 */
@Entity
@Table(name = "checkin")
public class CheckIn {

    public enum Method { SCAN, MANUAL }

    @Id
    @SequenceGenerator(name = "checkin_seq", sequenceName = "checkin_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "checkin_seq")
    private Long id;

    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "registration_id")
    private Long registrationId;

    @Column(name = "admitted_registration_id")
    private Long admittedRegistrationId;

    @Column(name = "pass_id")
    private Long passId;

    @Column(name = "station_id")
    private Long stationId;

    @Column(name = "station_name", length = 40)
    private String stationName;

    @Column(nullable = false, length = 40)
    private String scanner;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Verdict verdict;

    @Column(length = 200)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Method method;

    @Column(nullable = false)
    private boolean offline;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CheckIn() {}

    public CheckIn(String scanner, String nonce, Long stationId, String stationName, Method method, boolean offline,
                   Instant scannedAt, Instant recordedAt) {
        this.scanner = scanner;
        this.nonce = nonce;
        this.stationId = stationId;
        this.stationName = stationName;
        this.method = method;
        this.offline = offline;
        this.scannedAt = scannedAt;
        this.recordedAt = recordedAt;
    }

    public CheckIn about(Long eventId, Long registrationId, Long passId) {
        this.eventId = eventId;
        this.registrationId = registrationId;
        this.passId = passId;
        return this;
    }

    public CheckIn verdict(Verdict verdict, String reason) {
        this.verdict = verdict;
        this.reason = reason == null ? null : reason.length() > 200 ? reason.substring(0, 200) : reason;
        this.admittedRegistrationId = verdict == Verdict.ADMITTED ? registrationId : null;
        return this;
    }

    /** An offline admission that turned out later than another station's: it stays as a duplicate. */
    public void demoteToDuplicate(String reason) {
        verdict(Verdict.ALREADY_CHECKED_IN, reason);
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getPassId() { return passId; }
    public Long getStationId() { return stationId; }
    public String getStationName() { return stationName; }
    public String getScanner() { return scanner; }
    public String getNonce() { return nonce; }
    public Verdict getVerdict() { return verdict; }
    public String getReason() { return reason; }
    public Method getMethod() { return method; }
    public boolean isOffline() { return offline; }
    public Instant getScannedAt() { return scannedAt; }
    public Instant getRecordedAt() { return recordedAt; }
}
