package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.control.FaqView;
import cn.pujin.open.message.control.Faqs;
import cn.pujin.open.message.control.InvestigationView;
import cn.pujin.open.message.control.Investigations;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.message.entity.Faq;
import cn.pujin.open.message.entity.Investigation;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /review/messages.xhtml}: 先审查后公开 for the board — answers to messages, FAQ entries and investigation
 * conclusions, each published by a reviewer who did not write it, or returned with a reason.
 */
@Named
@ViewScoped
public class MessageReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    Faqs faqs;

    @Inject
    Investigations investigations;

    @Inject
    CurrentInputActor actor;

    private final Map<String, String> reasons = new HashMap<>();
    // read once per request of the page (its lists are asked for several times while it renders), again after an action
    private transient List<MessageView> answers;
    private transient List<FaqView> faqList;
    private transient List<InvestigationView> investigationList;

    public List<MessageView> getAnswers() {
        if (answers == null) {
            InputActor me = actor.get();
            answers = views.views(me, board.queue(me, InputStatus.ANSWERED, null, false, null, new Paging(0, 50)).items(), false);
        }
        return answers;
    }

    public List<FaqView> getFaqs() {
        if (faqList == null) {
            InputActor me = actor.get();
            faqList = faqs.views(me, faqs.unpublished(me).stream().filter(f -> f.getStatus() == Faq.Status.IN_REVIEW).toList());
        }
        return faqList;
    }

    public List<InvestigationView> getInvestigations() {
        if (investigationList == null) {
            InputActor me = actor.get();
            investigationList = investigations.list(me, true).stream().filter(i -> i.getStatus() == Investigation.Status.IN_REVIEW)
                    .map(i -> investigations.view(me, i)).toList();
        }
        return investigationList;
    }

    public void publishAnswer(Long id) {
        Faces.attempt(() -> board.publish(actor.get(), id), "message.done.published", "answers");
        refresh();
    }

    public void returnAnswer(Long id) {
        Faces.attempt(() -> board.returnAnswer(actor.get(), id, reasons.get("m" + id)), "suggestion.done.returned", "answers");
        refresh();
    }

    public void publishFaq(Long id) {
        Faces.attempt(() -> faqs.publish(actor.get(), id), "faq.done.published", "faqs");
        refresh();
    }

    public void returnFaq(Long id) {
        Faces.attempt(() -> faqs.returnToAuthor(actor.get(), id, reasons.get("f" + id)), "faq.done.returned", "faqs");
        refresh();
    }

    public void publishInvestigation(Long id) {
        Faces.attempt(() -> investigations.publish(actor.get(), id), "investigation.done.published", "investigations");
        refresh();
    }

    public void returnInvestigation(Long id) {
        Faces.attempt(() -> investigations.returnToStaff(actor.get(), id, reasons.get("i" + id)), "investigation.done.returned",
                "investigations");
        refresh();
    }

    private void refresh() {
        answers = null;
        faqList = null;
        investigationList = null;
    }

    /** Return reasons by "m"/"f"/"i" and the id (a message, an FAQ entry, an investigation). */
    public Map<String, String> getReasons() { return reasons; }
}
