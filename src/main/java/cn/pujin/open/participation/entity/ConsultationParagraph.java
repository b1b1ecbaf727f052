package cn.pujin.open.participation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A numbered paragraph of a consultation's draft: what a comment may be about. */
@Entity
@Table(name = "consultation_paragraph")
public class ConsultationParagraph {

    @Id
    @SequenceGenerator(name = "consultation_paragraph_seq", sequenceName = "consultation_paragraph_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_paragraph_seq")
    private Long id;

    @Column(name = "consultation_id", nullable = false)
    private Long consultationId;

    @Column(name = "paragraph_number", nullable = false)
    private int number;

    @Column(nullable = false, length = 5000)
    private String text;

    protected ConsultationParagraph() {}

    public ConsultationParagraph(Long consultationId, int number, String text) {
        this.consultationId = consultationId;
        this.number = number;
        this.text = text;
    }

    public Long getId() { return id; }
    public Long getConsultationId() { return consultationId; }
    public int getNumber() { return number; }
    public String getText() { return text; }
}
