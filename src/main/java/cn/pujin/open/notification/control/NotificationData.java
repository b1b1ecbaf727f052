package cn.pujin.open.notification.control;

import cn.pujin.open.account.control.AccountDeleted;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Notices and mails sent to the person: exported on request, deleted with the account (last, after the others). */
@ApplicationScoped
public class NotificationData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(Long accountId) {
        return em.createQuery("select n from Notification n where n.accountId = :a order by n.createdAt", Notification.class)
                .setParameter("a", accountId).getResultList().stream().map(n -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("subject", n.getSubject());
                    m.put("createdAt", Times.local(n.getCreatedAt()));
                    return m;
                }).toList();
    }

    /** Runs after the other features, so notices their clean-up wrote (a cancellation) go too and are never mailed. */
    void accountDeleted(@Observes @Priority(900) AccountDeleted d) {
        em.flush();
        em.createQuery("delete from Notification n where n.accountId = :a").setParameter("a", d.accountId()).executeUpdate();
    }
}
