package cn.pujin.open.message.control;

import cn.pujin.open.account.control.AccountNames;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.entity.Faq;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Messages as views for the REST API and the pages; what each caller may see of them (see {@link MessageView}). */
@ApplicationScoped
public class MessageViews {

    /** Similar entries shown beside one message. */
    public static final int SIMILAR_MAX = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountNames names;

    @Inject
    Departments departments;

    @Inject
    MessageIndex index;

    @Inject
    Clock clock;

    @Inject
    Topics topics;

    @Inject
    Consultations consultations;

    /** The views of messages for the caller ({@code null}: anonymous); {@code withSimilar} adds similar entries for staff. */
    public List<MessageView> views(InputActor actor, List<Message> list, boolean withSimilar) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Message::getId).toList();
        Map<Long, List<MessageView.AttachmentView>> files = new HashMap<>();
        em.createQuery("select a.id, a.messageId, a.fileName, a.mediaType, a.size from MessageAttachment a where a.messageId in :ids order by a.id",
                        Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> files.computeIfAbsent((Long) r[1], k -> new ArrayList<>())
                        .add(new MessageView.AttachmentView((Long) r[0], (String) r[2], (String) r[3], (Integer) r[4])));
        Map<Long, String> topicNames = topicNames();
        Map<Long, String> authors = names.of(list.stream().map(Message::getAuthorId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, String> departmentNames = departments.departments().stream().collect(Collectors.toMap(Department::getId, Department::getName));
        LocalDate today = LocalDate.now(clock);
        List<MessageView> views = new ArrayList<>();
        for (Message m : list) {
            Handling h = m.handling();
            boolean staff = actor != null && actor.staff();
            boolean handles = actor != null && InputWorkflow.handles(actor, m);
            boolean own = actor != null && actor.id().equals(m.getAuthorId());
            boolean answerShown = staff || handles || h.getStatus() == InputStatus.PUBLISHED;
            String author = m.getAuthorId() == null ? Masking.DELETED
                    : own || staff || handles ? authors.get(m.getAuthorId()) : Masking.name(authors.get(m.getAuthorId()));
            Consultation c = m.getConsultationId() == null ? null : consultations.findOrNull(m.getConsultationId());
            views.add(new MessageView(m.getId(), MessageSource.number(m.getId()), m.getKind().name(), m.getText(), author, own,
                    m.getTopicIds().stream().map(t -> new MessageView.TopicRef(t, topicNames.get(t))).toList(),
                    m.getConsultationId(), c == null ? null : c.getTitle(), m.isPublicWanted(), Times.local(m.getCreatedAt()),
                    m.getReceivedOn(), h.getAcknowledgeDueOn(), h.getDueOn(), Times.local(h.getAcknowledgedAt()),
                    m.getAcknowledgement(), m.isAcknowledgementTemplated(), h.getStatus().name(), h.getDepartmentId(),
                    departmentNames.get(h.getDepartmentId()), h.isOverdue(today), h.getExtendedReason(), Times.local(h.getExtendedAt()),
                    answerShown && h.getOutcome() != null ? h.getOutcome().name() : null, answerShown ? h.getReason() : null,
                    answerShown ? h.getPlan() : null, answerShown ? Times.local(h.getAnsweredAt()) : null,
                    staff || handles ? h.getReturnedReason() : null, Times.local(h.getPublishedAt()), h.getRating(),
                    h.getRatingComment(), own || staff || handles ? files.getOrDefault(m.getId(), List.of()) : List.of(),
                    withSimilar && (staff || handles) ? similar(m.getText(), false, m.getId()) : List.of(), m.getVersion()));
        }
        return views;
    }

    public MessageView view(InputActor actor, Message m) {
        return views(actor, List.of(m), true).get(0);
    }

    /** Answered messages and FAQ entries like {@code text}: for a citizen only published public messages. */
    public List<MessageView.Similar> similar(String text, boolean publicOnly, Long except) {
        List<MessageView.Similar> out = new ArrayList<>();
        for (MessageIndex.Hit hit : index.similar(text, publicOnly, except, SIMILAR_MAX)) {
            if (hit.kind().equals("faq")) {
                Faq f = em.find(Faq.class, hit.id());
                if (f != null) {
                    out.add(new MessageView.Similar("faq", f.getId(), null, f.getQuestion(), f.getAnswer(), null));
                }
            } else {
                Message m = em.find(Message.class, hit.id());
                if (m != null) {
                    Handling h = m.handling();
                    out.add(new MessageView.Similar("message", m.getId(), MessageSource.number(m.getId()), m.getText(), h.getReason(),
                            h.getOutcome() == null ? null : h.getOutcome().name()));
                }
            }
        }
        return out;
    }

    public Map<Long, String> topicNames() {
        return topics.names();
    }
}
