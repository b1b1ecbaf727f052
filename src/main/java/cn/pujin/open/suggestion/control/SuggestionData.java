package cn.pujin.open.suggestion.control;

import cn.pujin.open.account.control.AccountDeleted;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The person's suggestions in their data export. On deletion the suggestions stay (they are part of the public
 * record, now by "已注销用户"), but the name staff typed for a paper comment and the attachments go.
 */
@ApplicationScoped
public class SuggestionData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Inject
    SuggestionTexts texts;

    @Override
    public String section() {
        return "suggestions";
    }

    @Override
    public Object export(Long accountId) {
        return em.createQuery("select s from Suggestion s where s.authorId = :a order by s.createdAt", Suggestion.class)
                .setParameter("a", accountId).getResultList().stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("number", Suggestions.number(s.getId()));
                    m.put("event", texts.eventTitle(s.getEventId()));
                    m.put("text", s.getText());
                    m.put("status", s.handling().getStatus().name());
                    m.put("createdAt", Times.local(s.getCreatedAt()));
                    if (s.handling().getPublishedAt() != null) {
                        m.put("outcome", s.handling().getOutcome().name());
                        m.put("reason", s.handling().getReason());
                    }
                    m.put("rating", s.handling().getRating());
                    return m;
                }).toList();
    }

    void accountDeleted(@Observes @Priority(300) AccountDeleted d) {
        em.createQuery("""
                        delete from SuggestionAttachment a where a.suggestionId in
                        (select s.id from Suggestion s where s.authorId = :a)""").setParameter("a", d.accountId()).executeUpdate();
        em.createQuery("update Suggestion s set s.onBehalfOf = null where s.authorId = :a")
                .setParameter("a", d.accountId()).executeUpdate();
    }
}
