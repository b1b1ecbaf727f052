package cn.pujin.open.participation.control;

import cn.pujin.open.account.control.AccountDeleted;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.ConsultationComment;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The person's consultation comments and followed topics in their data export. On deletion the topics they followed
 * go, and so do their comments that nobody has grouped yet (they are not part of any answer); comments already
 * answered as part of the adoption report stay, by "已注销用户", and no longer name an organisation.
 */
@ApplicationScoped
public class ConsultationData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Topics topics;

    @Override
    public String section() {
        return "consultationComments";
    }

    @Override
    public Object export(Long accountId) {
        List<ConsultationComment> comments = em.createQuery(
                "select x from ConsultationComment x where x.authorId = :a order by x.createdAt", ConsultationComment.class)
                .setParameter("a", accountId).getResultList();
        List<String> followed = em.createQuery("""
                select t.name from Topic t, TopicSubscription s where s.topicId = t.id and s.accountId = :a order by t.name""",
                String.class).setParameter("a", accountId).getResultList();
        if (comments.isEmpty() && followed.isEmpty()) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("comments", comments.stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", CommentSource.number(x.getId()));
            m.put("consultation", em.find(Consultation.class, x.getConsultationId()).getTitle());
            m.put("paragraphId", x.getParagraphId());
            m.put("organisation", x.getOrganisation());
            m.put("text", x.getText());
            m.put("createdAt", Times.local(x.getCreatedAt()));
            m.put("shown", x.getModeration() == ConsultationComment.Moderation.SHOWN);
            if (x.handling().getStatus() == InputStatus.PUBLISHED) {
                m.put("outcome", x.handling().getOutcome().name());
                m.put("reason", x.handling().getReason());
            }
            m.put("rating", x.handling().getRating());
            return m;
        }).toList());
        data.put("followedTopics", followed);
        return data;
    }

    void accountDeleted(@Observes @Priority(300) AccountDeleted d) {
        em.createQuery("delete from TopicSubscription s where s.accountId = :a").setParameter("a", d.accountId()).executeUpdate();
        em.createQuery("delete from ConsultationComment x where x.authorId = :a and x.groupId is null")
                .setParameter("a", d.accountId()).executeUpdate();
        em.createQuery("update ConsultationComment x set x.organisation = null where x.authorId = :a")
                .setParameter("a", d.accountId()).executeUpdate();
    }
}
