package cn.pujin.open.platform.control;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names of the things the audit log speaks of ("活动 #4 开放日：垃圾分类", not only "活动 #4"). Declared here, implemented
 * by each feature for its own entity types, so that the log page can name them without depending on the features.
 */
public interface AuditSubjects {

    /** The audit entity type these names are for ("event", "account", …). */
    String entityType();

    /** A short name by id, for those of {@code ids} that exist. */
    Map<Long, String> names(Set<Long> ids);

    /** The names a query of (id, name) rows for {@code :ids} finds. */
    static Map<Long, String> query(EntityManager em, String jpql, Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }
}
