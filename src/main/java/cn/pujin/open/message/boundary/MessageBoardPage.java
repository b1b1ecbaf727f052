package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.boundary.Uploads;
import cn.pujin.open.input.control.InputAttachments;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageRequest;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFiles;

/**
 * {@code /messages/}: the message board — leave a message (kind, topic or open consultation, public or not, files),
 * with answered messages and FAQ entries like it shown while typing; one's own messages; the published public ones by
 * topic, ten per page.
 */
@Named
@ViewScoped
public class MessageBoardPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 10;
    private static final Map<String, String> FIELDS = Map.of("text", "text", "kind", "kind", "topicId", "topic",
            "consultationId", "consultation", "file", "files");

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    Topics topics;

    @Inject
    ConsultationViews consultations;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    private String kind = Message.Kind.QUESTION.name();
    private Long topicId;
    private Long consultationId;
    private String text;
    private boolean publicWanted = true;
    private Long topic;
    private int page;
    private transient UploadedFiles files;
    private transient List<Topics.TopicView> topicList;
    private transient Page<MessageView> published;
    private transient List<MessageView> mine;

    public void send() {
        List<InputAttachments.Upload> uploads;
        try {
            uploads = Uploads.of(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long[] sent = new Long[1];
        if (Faces.attempt(() -> sent[0] = board.submit(actor.get(), new MessageRequest(kind, text, topicId, consultationId,
                publicWanted), uploads).getId(), "message.done.sent", "messageForm", FIELDS)) {
            Faces.keepMessages();
            Faces.redirect("/messages/detail.xhtml?id=" + sent[0] + "&sent=1");
        }
    }

    /** Answered public messages and FAQ entries like what is being typed (from four characters on). */
    public List<MessageView.Similar> getSimilar() {
        String t = Texts.strip(text);
        return t == null || Texts.length(t) < 4 ? List.of() : views.similar(t, true, null);
    }

    public List<Topics.TopicView> getTopics() {
        if (topicList == null) {
            topicList = topics.all();
        }
        return topicList;
    }

    public List<ConsultationView> getOpenConsultations() {
        return consultations.open();
    }

    public Page<MessageView> getPublished() {
        if (published == null) {
            var found = board.published(topic, new Paging(page, PAGE_SIZE));
            published = new Page<>(views.views(user.isSignedIn() ? actor.get() : null, found.items(), false), found.total());
        }
        return published;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < getPublished().total();
    }

    public List<MessageView> getMine() {
        if (mine == null) {
            mine = user.isSignedIn() ? views.views(actor.get(), board.mine(user.require(), new Paging(0, 20)).items(), false) : List.of();
        }
        return mine;
    }

    public String getTopicName() {
        return topic == null ? null : getTopics().stream().filter(t -> t.id().equals(topic)).map(Topics.TopicView::name)
                .findFirst().orElse(null);
    }

    public boolean isSignedIn() {
        return user.isSignedIn();
    }

    public Message.Kind[] getKinds() {
        return Message.Kind.values();
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getTopicId() { return topicId; }
    public void setTopicId(Long topicId) { this.topicId = topicId; }
    public Long getConsultationId() { return consultationId; }
    public void setConsultationId(Long consultationId) { this.consultationId = consultationId; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public boolean isPublicWanted() { return publicWanted; }
    public void setPublicWanted(boolean publicWanted) { this.publicWanted = publicWanted; }
    public Long getTopic() { return topic; }
    public void setTopic(Long topic) { this.topic = topic; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(0, page); }
    public UploadedFiles getFiles() { return files; }
    public void setFiles(UploadedFiles files) { this.files = files; }
}
