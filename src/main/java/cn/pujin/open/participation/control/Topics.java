package cn.pujin.open.participation.control;

import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.Topic;
import cn.pujin.open.participation.entity.TopicSubscription;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Topics (主题): staff name them, consultations carry one, people follow the ones they care about. */
@ApplicationScoped
public class Topics {

    public static final int NAME_MAX = 40;

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** A topic with the number of published consultations on it and of public answered messages (the board's count). */
    public record TopicView(Long id, String name, long consultations, long messages) {}

    /** Another feature's count of what is on each topic (the message board's published messages). */
    public interface TopicCounter {
        Map<Long, Long> counts();
    }

    @Inject
    Instance<TopicCounter> counters;

    public List<TopicView> all() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select c.topicId, count(c) from Consultation c where c.status = :p and c.topicId is not null group by c.topicId",
                        Object[].class).setParameter("p", Consultation.Status.PUBLISHED).getResultList()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        Map<Long, Long> others = new HashMap<>();
        counters.forEach(c -> c.counts().forEach((topic, n) -> others.merge(topic, n, Long::sum)));
        return em.createQuery("select t from Topic t order by t.name", Topic.class).getResultList().stream()
                .map(t -> new TopicView(t.getId(), t.getName(), counts.getOrDefault(t.getId(), 0L), others.getOrDefault(t.getId(), 0L)))
                .toList();
    }

    /** Every topic's name by id. */
    public Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        em.createQuery("select t.id, t.name from Topic t order by t.name", Object[].class).getResultList()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        return names;
    }

    /** Whether every id is a topic. */
    public boolean exist(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        Set<Long> distinct = new LinkedHashSet<>(ids);
        return !distinct.contains(null) && em.createQuery("select count(t) from Topic t where t.id in :ids", Long.class)
                .setParameter("ids", List.copyOf(distinct)).getSingleResult() == distinct.size();
    }

    @Transactional
    public Topic create(Long organiser, String name) {
        String n = Texts.strip(name);
        if (n == null || Texts.length(n) > NAME_MAX) {
            throw Problem.invalid("name", "validation.length", 1, NAME_MAX);
        }
        if (!em.createQuery("select t from Topic t where t.name = :n", Topic.class).setParameter("n", n).getResultList().isEmpty()) {
            throw Problem.invalid("name", "topic.name.taken");
        }
        Topic t = new Topic(n, clock.instant());
        em.persist(t);
        em.flush();
        audit.record(organiser, "topic", t.getId(), "topic.create", null, null, n);
        return t;
    }

    public Set<Long> followed(Long accountId) {
        return new LinkedHashSet<>(em.createQuery("select s.topicId from TopicSubscription s where s.accountId = :a order by s.topicId",
                Long.class).setParameter("a", accountId).getResultList());
    }

    /** The person follows exactly these topics from now on (unknown ids: 400 naming {@code topicIds}). */
    @Transactional
    public Set<Long> follow(Long accountId, Collection<Long> topicIds) {
        Set<Long> wanted = new LinkedHashSet<>(topicIds == null ? List.of() : topicIds);
        if (wanted.contains(null) || wanted.size() > 100) {
            throw Problem.invalid("topicIds", "validation.unknownReference");
        }
        if (!wanted.isEmpty() && em.createQuery("select count(t) from Topic t where t.id in :ids", Long.class)
                .setParameter("ids", List.copyOf(wanted)).getSingleResult() != wanted.size()) {
            throw Problem.invalid("topicIds", "validation.unknownReference");
        }
        Set<Long> before = followed(accountId);
        em.createQuery("delete from TopicSubscription s where s.accountId = :a").setParameter("a", accountId).executeUpdate();
        for (Long topic : wanted) {
            em.persist(new TopicSubscription(accountId, topic, clock.instant()));
        }
        if (!before.equals(wanted)) {
            audit.record(accountId, "account", accountId, "topic.follow", before.toString(), wanted.toString(), null);
        }
        return wanted;
    }
}
