package cn.pujin.open.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A document for an agenda item (会议材料): a title and a link. */
@Embeddable
public class Material {

    @Column(nullable = false, length = 120)
    private String title;

    @Column(length = 300)
    private String summary;

    @Column(nullable = false, length = 500)
    private String url;

    protected Material() {}

    public Material(String title, String summary, String url) {
        this.title = title;
        this.summary = summary;
        this.url = url;
    }

    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getUrl() { return url; }
}
