package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Ids;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /messages/detail.xhtml?id=}: one message — for anyone when its answer is published and it is public, otherwise
 * only for its author and staff (others get the 404 page): the acknowledgement and the two dates, an extension and
 * why, the answer, and the author's rating.
 */
@Named
@ViewScoped
public class MessagePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    CurrentInputActor actor;

    private String id;
    private Integer stars;
    private String ratingComment;
    private transient MessageView message;

    /** Before the page renders: the message, or the 404 page (a private one for anyone but its author and staff). */
    public void load() {
        try {
            InputActor me = actor.orNull();
            message = views.views(me, List.of(board.readable(me, Ids.parse(id))), false).get(0);
        } catch (RuntimeException unknown) {
            Faces.notFound();
        }
    }

    public MessageView getMessage() {
        if (message == null) {
            load();
        }
        return message;
    }

    public void rate() {
        if (Faces.attempt(() -> board.rate(actor.get(), getMessage().id(), stars, ratingComment), "suggestion.done.rated", "rating")) {
            message = null;
        }
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Integer getStars() { return stars; }
    public void setStars(Integer stars) { this.stars = stars; }
    public String getRatingComment() { return ratingComment; }
    public void setRatingComment(String ratingComment) { this.ratingComment = ratingComment; }
}
