package cn.pujin.open.selection.control;

import cn.pujin.open.account.control.AccountDeleted;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.selection.entity.Representative;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The person's entry in the representative pool (代表库): exported on request, removed with the account. */
@ApplicationScoped
public class PoolData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "representative";
    }

    @Override
    public Object export(Long accountId) {
        return entry(accountId).map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("categories", r.categories().stream().map(Enum::name).toList());
            m.put("interests", r.getInterests());
            m.put("organisation", r.getOrganisation());
            m.put("residency", r.getResidency() == null ? null : r.getResidency().name());
            m.put("active", r.isActive());
            m.put("createdAt", Times.local(r.getCreatedAt()));
            return (Object) m;
        }).orElse(null);
    }

    void accountDeleted(@Observes @Priority(200) AccountDeleted d) {
        entry(d.accountId()).ifPresent(r -> {
            em.createQuery("delete from Invitation i where i.representativeId = :r").setParameter("r", r.getId()).executeUpdate();
            em.remove(r);
        });
    }

    private Optional<Representative> entry(Long accountId) {
        return em.createQuery("select r from Representative r where r.accountId = :a", Representative.class)
                .setParameter("a", accountId).getResultStream().findFirst();
    }
}
