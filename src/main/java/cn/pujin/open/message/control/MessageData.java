package cn.pujin.open.message.control;

import cn.pujin.open.account.control.AccountDeleted;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The person's messages in their data export (with acknowledgement, answer and rating). On deletion their messages go
 * — attachments and topic tags with them — except public ones whose answer is published: those stay on the board, by
 * "已注销用户".
 */
@ApplicationScoped
public class MessageData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "messages";
    }

    @Override
    public Object export(Long accountId) {
        List<Message> messages = em.createQuery("select m from Message m where m.authorId = :a order by m.createdAt", Message.class)
                .setParameter("a", accountId).getResultList();
        if (messages.isEmpty()) {
            return null;
        }
        return messages.stream().map(m -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("number", MessageSource.number(m.getId()));
            x.put("kind", m.getKind().name());
            x.put("text", m.getText());
            x.put("public", m.isPublicWanted());
            x.put("createdAt", Times.local(m.getCreatedAt()));
            x.put("acknowledgement", m.getAcknowledgement());
            if (m.handling().getStatus() == InputStatus.PUBLISHED) {
                x.put("outcome", m.handling().getOutcome().name());
                x.put("reason", m.handling().getReason());
            }
            x.put("rating", m.handling().getRating());
            x.put("ratingComment", m.handling().getRatingComment());
            return x;
        }).toList();
    }

    void accountDeleted(@Observes @Priority(300) AccountDeleted d) {
        List<Long> gone = em.createQuery("select m.id from Message m where m.authorId = :a and not (m.publicWanted = true "
                        + "and m.handling.status = :p)", Long.class)
                .setParameter("a", d.accountId()).setParameter("p", InputStatus.PUBLISHED).getResultList();
        for (Long id : gone) {
            em.remove(em.find(Message.class, id));
        }
        em.flush();
        em.createQuery("update Message m set m.authorId = null, m.enteredBy = null where m.authorId = :a")
                .setParameter("a", d.accountId()).executeUpdate();
    }
}
