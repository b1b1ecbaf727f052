package cn.pujin.open.platform.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the other instances of a cluster that something they hold in memory changed, over a topic of the data grid
 * Payara Micro is clustered with (its Hazelcast, JNDI {@code payara/Hazelcast}). Each instance keeps short-lived
 * copies (public lists, pass keys, station keys, the working-day calendar, cached credentials, live check-in
 * counts); the database stays the only truth, so a message only says "read it again".
 *
 * <p>The change arrives as a CDI event {@link Changed}, fired on a managed thread (never on the data grid's own: a bean
 * first created there gets no container resources injected, seen as a null EntityManager). Observers use
 * {@code notifyObserver = IF_EXISTS} — a cache not created yet holds nothing stale — and only mark things stale.
 * Without a cluster ({@code --nocluster}, the run command) nothing reaches the others and this instance's own
 * observers are all there is.
 */
@ApplicationScoped
public class ClusterBus {

    private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());

    /** The topic's name in the data grid: all instances of one cluster share it. */
    static final String TOPIC = "pujin-open.changes";

    /** What changed; {@code id} says which one when that matters (an event, an account, a station). */
    public enum Kind { PUBLIC_EVENTS, CHECK_INS, ACCOUNT, STATION, PASS_KEYS, CALENDAR }

    /** A change made by another instance. */
    public record Changed(Kind kind, Long id) {

        String text() {
            return kind.name() + ":" + (id == null ? "" : id);
        }

        static Changed parse(String text) {
            int colon = text.indexOf(':');
            String id = text.substring(colon + 1);
            return new Changed(Kind.valueOf(text.substring(0, colon)), id.isEmpty() ? null : Long.valueOf(id));
        }
    }

    @Inject
    Event<Changed> remote;

    @Resource
    ManagedExecutorService executor;

    /** Messages carry this instance's id so it can skip its own (the data grid delivers to every member). */
    private final String self = UUID.randomUUID().toString();

    private volatile ITopic<String> topic;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        HazelcastInstance grid;
        try {
            grid = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
        } catch (NamingException | RuntimeException | LinkageError none) {
            LOG.info("no data grid: changes stay on this instance (" + none + ")");
            return;
        }
        if (grid == null || !grid.getLifecycleService().isRunning()) {
            LOG.info("the data grid is off (--nocluster): changes stay on this instance");
            return;
        }
        String unsafe = unsafe(grid);
        if (unsafe != null) {
            refuse(unsafe);
            return;
        }
        ITopic<String> t = grid.getTopic(TOPIC);
        t.addMessageListener(message -> receive(message.getMessageObject()));
        topic = t;
        // never the cluster name: it is the secret
        LOG.info(() -> "changes are shared with the cluster (" + grid.getCluster().getMembers().size() + " members now)");
    }

    @Inject
    @ConfigProperty(name = "CLUSTER_MEMBERS")
    Optional<String> members;

    @Inject
    @ConfigProperty(name = "CLUSTER_SECRET")
    Optional<String> secret;

    static final int MIN_SECRET = 16;

    /**
     * Why a running data grid must not be used, or null. The grid holds the login sessions, and a Hazelcast client
     * needs nothing but the cluster name to read and write them: so a grid runs only for a configured cluster
     * ({@code CLUSTER_MEMBERS}), under a secret name ({@code CLUSTER_SECRET}), joined over TCP to the listed members,
     * and bound to one interface rather than all.
     */
    String unsafe(HazelcastInstance grid) {
        var config = grid.getConfig();
        if (members.filter(m -> !m.isBlank()).isEmpty()) {
            return "a data grid runs although CLUSTER_MEMBERS is not set: start a single instance with --nohazelcast";
        }
        if (secret.filter(s -> s.length() >= MIN_SECRET).isEmpty()) {
            return "CLUSTER_SECRET is missing or shorter than " + MIN_SECRET + " characters";
        }
        if (!secret.get().equals(config.getClusterName())) {
            return "the data grid's cluster name is not CLUSTER_SECRET (start with config/payara/pre-boot-commands.asadmin, without --clustername)";
        }
        var join = config.getNetworkConfig().getJoin();
        if (join.getMulticastConfig().isEnabled() || !join.getTcpIpConfig().isEnabled()) {
            return "the data grid discovers members by multicast: give them with --clustermode tcpip:" + members.get();
        }
        String bindAny = config.getProperty("hazelcast.socket.bind.any");
        if (bindAny == null) {
            bindAny = System.getProperty("hazelcast.socket.bind.any", "true");
        }
        if (!config.getNetworkConfig().getInterfaces().isEnabled() || Boolean.parseBoolean(bindAny.strip())) {
            return "the data grid listens on every interface: give --interfaces ADDRESS and -Dhazelcast.socket.bind.any=false";
        }
        return null;
    }

    /** An unsafe grid stops this instance: serving with it would expose every session to the network. */
    private static void refuse(String why) {
        LOG.severe(Messages.get(Messages.CHINESE, "app.name") + " refuses to start: " + why + " (see docker/README.md)");
        Thread stop = new Thread(() -> System.exit(78), "refuse-unsafe-data-grid");
        stop.setDaemon(false);
        stop.start();
        throw new IllegalStateException("unsafe data grid: " + why);
    }

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Tells the other instances, once the current transaction commits (at once without one), so they never
     * re-read the old state and keep it. Never fails the caller.
     */
    public void publish(Kind kind, Long id) {
        ITopic<String> t = topic;
        if (t != null) {
            afterCommit(() -> send(t, kind, id));
        }
    }

    /** Runs once the current transaction commits (not at all if it rolls back), or at once without one. */
    public void afterCommit(Runnable action) {
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing before
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } else {
            action.run();
        }
    }

    private void send(ITopic<String> t, Kind kind, Long id) {
        try {
            t.publish(self + " " + new Changed(kind, id).text());
        } catch (RuntimeException e) {
            // the others fall back on their caches' time limits
            LOG.log(Level.WARNING, "could not tell the cluster about " + kind + " " + id, e);
        }
    }

    private void receive(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(self)) {
            return;
        }
        Changed change;
        try {
            change = Changed.parse(message.substring(space + 1));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "not a change: " + message, e);
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    remote.fire(change);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not apply the cluster's change " + message, e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the app is shutting down: nothing left to keep fresh
        }
    }
}
