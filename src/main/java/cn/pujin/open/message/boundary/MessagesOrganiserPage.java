package cn.pujin.open.message.boundary;

import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.control.FaqRequest;
import cn.pujin.open.message.control.FaqView;
import cn.pujin.open.message.control.Faqs;
import cn.pujin.open.message.control.InvestigationView;
import cn.pujin.open.message.control.Investigations;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.message.entity.Investigation;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/messages.xhtml}: the board's desk — each message with its clock and similar answered ones:
 * acknowledge (standard text or own words), assign, tag with topics, extend the deadline with a reason; investigations
 * proposed by the dashboard, opened, recorded and submitted; FAQ entries written from answered messages.
 */
@Named
@ViewScoped
public class MessagesOrganiserPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    Faqs faqs;

    @Inject
    Investigations investigations;

    @Inject
    Topics topics;

    @Inject
    Departments departments;

    @Inject
    CurrentInputActor actor;

    private String status;
    private boolean overdue;
    private Long topic;
    private int page;
    private final Map<Long, String> acknowledgements = new HashMap<>();
    private final Map<Long, Long> assignTo = new HashMap<>();
    private final Map<Long, Object> tags = new HashMap<>();
    private final Map<Long, LocalDate> extendTo = new HashMap<>();
    private final Map<Long, String> extendReasons = new HashMap<>();
    private final Map<Long, String> titles = new HashMap<>();
    private final Map<Long, String> findings = new HashMap<>();
    private final Map<Long, String> conclusions = new HashMap<>();
    private Long faqId;
    private Long faqTopic;
    private String question;
    private String answer;
    private List<Long> faqMessages = new ArrayList<>();
    private transient Page<MessageView> queue;
    // read once per view (the menus of every message card and the forms ask for them again and again), read again after
    // an action that changes them
    private transient List<Topics.TopicView> topicList;
    private transient List<Department> departmentList;
    private transient List<InvestigationView.Proposal> proposals;
    private transient List<InvestigationView> openInvestigations;
    private transient List<FaqView> unpublishedFaqs;

    public Page<MessageView> getQueue() {
        if (queue == null) {
            InputActor me = actor.get();
            var found = board.queue(me, Enums.optional("status", status, InputStatus.class), null, overdue, topic,
                    new Paging(page, PAGE_SIZE));
            queue = new Page<>(views.views(me, found.items(), true), found.total());
            queue.items().forEach(m -> {
                tags.putIfAbsent(m.id(), new ArrayList<>(m.topics().stream().map(MessageView.TopicRef::id).toList()));
                if (m.departmentId() != null) {
                    assignTo.putIfAbsent(m.id(), m.departmentId());
                }
            });
        }
        return queue;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < getQueue().total();
    }

    public void filter() {
        page = 0;
        queue = null;
    }

    public void acknowledge(Long id, boolean templated) {
        if (Faces.attempt(() -> board.acknowledge(actor.get(), id, acknowledgements.get(id), templated), "message.done.acknowledged",
                "desk")) {
            acknowledgements.remove(id);
            queue = null;
        }
    }

    public void assign(Long id) {
        if (assignTo.get(id) == null) {
            Faces.error("message.assign.choose");
            return;
        }
        if (Faces.attempt(() -> board.assign(actor.get(), id, assignTo.get(id)), "suggestion.done.assigned", "desk")) {
            queue = null;
        }
    }

    public void tag(Long id) {
        if (Faces.attempt(() -> board.tag(actor.get(), id, chosen(tags.get(id))), "message.done.tagged", "desk")) {
            queue = null;
        }
    }

    /** What a many-choice menu in a map left: an array of ids (JSF does not know the map's value type), or a list. */
    private static List<Long> chosen(Object value) {
        if (value instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(v -> (Long) v).toList();
        }
        return value instanceof java.util.Collection<?> c ? c.stream().map(v -> (Long) v).toList() : List.of();
    }

    public void extend(Long id) {
        if (Faces.attempt(() -> board.extend(actor.get(), id, extendTo.get(id), extendReasons.get(id)), "message.done.extended", "desk")) {
            extendTo.remove(id);
            extendReasons.remove(id);
            queue = null;
        }
    }

    // investigations

    public List<InvestigationView.Proposal> getProposals() {
        if (proposals == null) {
            proposals = investigations.proposals(actor.get());
        }
        return proposals;
    }

    public void openInvestigation(Long topicId) {
        if (Faces.attempt(() -> investigations.open(actor.get(), topicId, titles.get(topicId)), "investigation.done.opened", "investigations")) {
            titles.remove(topicId);
            proposals = null;
            openInvestigations = null;
        }
    }

    /** Investigations not yet published, with their forms filled from what was recorded. */
    public List<InvestigationView> getInvestigations() {
        if (openInvestigations == null) {
            InputActor me = actor.get();
            openInvestigations = investigations.list(me, true).stream()
                    .filter(i -> i.getStatus() != Investigation.Status.PUBLISHED).map(i -> investigations.view(me, i)).toList();
            openInvestigations.forEach(i -> {
                findings.putIfAbsent(i.id(), i.findings());
                conclusions.putIfAbsent(i.id(), i.conclusion());
            });
        }
        return openInvestigations;
    }

    public void record(Long id) {
        Faces.attempt(() -> investigations.record(actor.get(), id, findings.get(id), conclusions.get(id)), "investigation.done.saved",
                "investigations");
        openInvestigations = null;
    }

    public void submit(Long id) {
        Faces.attempt(() -> {
            investigations.record(actor.get(), id, findings.get(id), conclusions.get(id));
            investigations.submit(actor.get(), id);
        }, "investigation.done.submitted", "investigations");
        openInvestigations = null;
    }

    // FAQ

    public List<FaqView> getUnpublishedFaqs() {
        if (unpublishedFaqs == null) {
            InputActor me = actor.get();
            unpublishedFaqs = faqs.views(me, faqs.unpublished(me));
        }
        return unpublishedFaqs;
    }

    public List<MessageView> getAnsweredMessages() {
        return views.views(actor.get(), faqs.answeredMessages(faqTopic), false);
    }

    public void loadFaq(FaqView f) {
        faqId = f.id();
        faqTopic = f.topicId();
        question = f.question();
        answer = f.answer();
        faqMessages = new ArrayList<>(f.messageIds());
    }

    public void saveFaq() {
        FaqRequest request = new FaqRequest(faqTopic, question, answer, faqMessages);
        Map<String, String> fields = Map.of("topicId", "faqTopic", "question", "question", "answer", "answer", "messageIds", "faqMessages");
        if (Faces.attempt(() -> {
            if (faqId == null) {
                faqs.create(actor.get(), request);
            } else {
                faqs.revise(actor.get(), faqId, request);
            }
        }, "faq.done.submitted", "faq", fields)) {
            faqId = null;
            question = null;
            answer = null;
            faqMessages = new ArrayList<>();
            unpublishedFaqs = null;
        }
    }

    public List<Topics.TopicView> getTopics() {
        if (topicList == null) {
            topicList = topics.all();
        }
        return topicList;
    }

    public List<Department> getDepartments() {
        if (departmentList == null) {
            departmentList = departments.departments();
        }
        return departmentList;
    }

    public InputStatus[] getStatuses() {
        return InputStatus.values();
    }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status == null || status.isBlank() ? null : status; }
    public boolean isOverdue() { return overdue; }
    public void setOverdue(boolean overdue) { this.overdue = overdue; }
    public Long getTopic() { return topic; }
    public void setTopic(Long topic) { this.topic = topic; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(0, page); }
    public Map<Long, String> getAcknowledgements() { return acknowledgements; }
    public Map<Long, Long> getAssignTo() { return assignTo; }
    public Map<Long, Object> getTags() { return tags; }
    public Map<Long, LocalDate> getExtendTo() { return extendTo; }
    public Map<Long, String> getExtendReasons() { return extendReasons; }
    public Map<Long, String> getTitles() { return titles; }
    public Map<Long, String> getFindings() { return findings; }
    public Map<Long, String> getConclusions() { return conclusions; }
    public Long getFaqId() { return faqId; }
    public Long getFaqTopic() { return faqTopic; }
    public void setFaqTopic(Long faqTopic) { this.faqTopic = faqTopic; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public List<Long> getFaqMessages() { return faqMessages; }
    public void setFaqMessages(List<Long> faqMessages) { this.faqMessages = faqMessages == null ? new ArrayList<>() : faqMessages; }
}
