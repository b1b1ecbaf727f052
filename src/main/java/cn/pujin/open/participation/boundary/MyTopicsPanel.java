package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** On "my page": the topics the person follows (a mail when a consultation on one opens) and their consultation comments. */
@Named
@ViewScoped
public class MyTopicsPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Topics topics;

    @Inject
    ConsultationViews views;

    @Inject
    CurrentUser user;

    private List<Long> followed;

    public List<Topics.TopicView> getTopics() {
        return topics.all();
    }

    public List<Long> getFollowed() {
        if (followed == null) {
            followed = new ArrayList<>(topics.followed(user.require()));
        }
        return followed;
    }

    public void setFollowed(List<Long> followed) {
        this.followed = followed;
    }

    public void save() {
        Long me = user.require();
        Faces.attempt(() -> topics.follow(me, followed == null ? List.of() : followed), "consultation.done.followed", "topics");
    }

    public List<ConsultationViews.Waiting<CommentView>> getComments() {
        return views.mineEverywhere(user.require());
    }
}
