package cn.pujin.open.participation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A document of a decision step (评估报告, 审查意见…): a title and a link. */
@Embeddable
public class StepDocument {

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 500)
    private String url;

    protected StepDocument() {}

    public StepDocument(String title, String url) {
        this.title = title;
        this.url = url;
    }

    public String getTitle() { return title; }
    public String getUrl() { return url; }
}
