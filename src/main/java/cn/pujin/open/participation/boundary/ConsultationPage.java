package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.CommentRequest;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.participation.control.ConsultationViews.ParagraphView;
import cn.pujin.open.participation.control.ConsultationViews.Report;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /consultations/detail.xhtml?id=}: the draft's numbered paragraphs with the comment count beside each, the
 * interpretation beside the draft, the comment form while open (a paragraph or the whole, in an invited
 * organisation's name or one's own), the comments a reviewer showed, one's own comments with their answers and the
 * rating, and the adoption report.
 */
@Named
@ViewScoped
public class ConsultationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("text", "text", "organisation", "organisation",
            "paragraphId", "paragraph");

    @Inject
    ConsultationViews views;

    @Inject
    ConsultationComments comments;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    private String id;
    private Integer paragraph;
    private String text;
    private String organisation;
    private final Map<Long, Integer> stars = new HashMap<>();
    private final Map<Long, String> ratingComments = new HashMap<>();
    private transient ConsultationView consultation;
    private transient List<CommentView> shown;
    private transient List<CommentView> mine;
    private transient Report report;

    /** Before the page renders: an unknown or unpublished consultation is the 404 page (not an error half-way through). */
    public void load() {
        getConsultation();
    }

    /** The published consultation, or the 404 page. */
    public ConsultationView getConsultation() {
        if (consultation == null) {
            try {
                consultation = views.view(Long.valueOf(id == null ? "" : id.strip()), false);
            } catch (RuntimeException unknown) {
                Faces.notFound();
            }
        }
        return consultation;
    }

    public List<CommentView> getShown() {
        if (shown == null) {
            shown = views.comments(getConsultation().id(), false);
        }
        return shown;
    }

    public List<CommentView> getMine() {
        if (mine == null) {
            mine = user.isSignedIn() ? views.mine(user.require(), getConsultation().id()) : List.of();
        }
        return mine;
    }

    public Report getReport() {
        if (report == null) {
            report = views.report(getConsultation().id(), false);
        }
        return report;
    }

    public void send() {
        Long me = user.require();
        Long paragraphId = paragraph == null ? null : getConsultation().paragraphs().stream()
                .filter(p -> p.number() == paragraph).map(ParagraphView::id).findFirst().orElse(null);
        Long[] sent = new Long[1];
        if (Faces.attempt(() -> sent[0] = comments.comment(me, getConsultation().id(), new CommentRequest(paragraphId, text,
                organisation)).getId(), "consultation.done.commented", "commentForm", FIELDS)) {
            // a fresh page (an address of its own: one that differs only after # would not load): every count beside
            // the text and the list of one's comments agree
            Faces.keepMessages();
            Faces.redirect("/consultations/detail.xhtml?id=" + getConsultation().id() + "&sent=" + sent[0] + "#mine");
        }
    }

    public void rate(Long commentId) {
        if (Faces.attempt(() -> comments.rate(actor.get(), commentId, stars.get(commentId), ratingComments.get(commentId)),
                "suggestion.done.rated", "mine")) {
            refresh();
        }
    }

    private void refresh() {
        consultation = null;
        shown = null;
        mine = null;
        report = null;
    }


    public boolean isSignedIn() {
        return user.isSignedIn();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Integer getParagraph() { return paragraph; }
    public void setParagraph(Integer paragraph) { this.paragraph = paragraph == null || paragraph == 0 ? null : paragraph; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public Map<Long, Integer> getStars() { return stars; }
    public Map<Long, String> getRatingComments() { return ratingComments; }
}
