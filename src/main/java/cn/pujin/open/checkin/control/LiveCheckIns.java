package cn.pujin.open.checkin.control;

import cn.pujin.open.platform.control.ChainedTask;
import cn.pujin.open.platform.control.ClusterBus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/**
 * Live check-in counters over Server-Sent Events: every station page of an event subscribes, and after
 * each recorded scan (after commit) the event's counts and the latest scan go out, coalesced to at most
 * one message per 300 ms per event so a busy door does not flood the phones. Stations connected to another
 * instance of a cluster hear of the scans through {@link ClusterBus} (one message per event and tick) and get
 * the counts, read from the database, on their next tick.
 */
@ApplicationScoped
public class LiveCheckIns {

    @Inject
    CheckInReports reports;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * SSE writes happen on this one plain thread, never on the container's managed threads: writing to an
     * async response from a managed task leaves a servlet invocation on that thread's context stack, which
     * breaks the next task there (seen as "closed EntityManager" in the mail outbox).
     */
    private final ScheduledExecutorService writer = Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pujin-checkin-sse");
                t.setDaemon(true);
                return t;
            });

    private volatile Sse sse;
    private final Map<Long, SseBroadcaster> broadcasters = new ConcurrentHashMap<>();
    private final Map<Long, AtomicReference<CheckIns.Answer>> pending = new ConcurrentHashMap<>();
    /** Events with scans on another instance since the last tick (counts only, no answer to show). */
    private final Set<Long> recount = ConcurrentHashMap.newKeySet();
    /** Events with scans here since the last tick, to tell the other instances about. */
    private final Set<Long> announce = ConcurrentHashMap.newKeySet();

    @Inject
    ClusterBus cluster;

    /** The message of one update: the counts and, when a scan caused it, that scan's answer. */
    public record Update(Long eventId, long checkedIn, long expected, CheckIns.Answer last) {}

    public void subscribe(Long eventId, SseEventSink sink, Sse sse) {
        this.sse = sse;
        SseBroadcaster broadcaster = broadcasters.computeIfAbsent(eventId, id -> sse.newBroadcaster());
        broadcaster.register(sink);
        CheckInReports.Counts counts = reports.counts(eventId);
        sink.send(message(new Update(eventId, counts.checkedIn(), counts.expected(), null)));
    }

    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckIns.CheckedIn scan) {
        if (scan.eventId() == null) {
            return;
        }
        announce.add(scan.eventId());
        if (broadcasters.containsKey(scan.eventId())) {
            pending.computeIfAbsent(scan.eventId(), id -> new AtomicReference<>()).set(scan.answer());
        }
    }

    /** Another instance recorded scans of an event: stations connected here get the new counts. */
    void recordedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.CHECK_INS && change.id() != null && broadcasters.containsKey(change.id())) {
            recount.add(change.id());
        }
    }

    /** Every 300 ms a managed task (each scheduled by the one before, never from a request) publishes. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        publisher = new ChainedTask(scheduler, "live check-in publishing", this::publishPending);
        publisher.start(TICK, TICK);
        writer.scheduleWithFixedDelay(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    private static final Duration TICK = Duration.ofMillis(300);
    private ChainedTask publisher;

    private void publishPending() {
        for (Long eventId : List.copyOf(announce)) {
            announce.remove(eventId);
            cluster.publish(ClusterBus.Kind.CHECK_INS, eventId);
        }
        Set<Long> events = new HashSet<>(pending.keySet());
        events.addAll(recount);
        for (Long eventId : events) {
            AtomicReference<CheckIns.Answer> slot = pending.get(eventId);
            CheckIns.Answer last = slot == null ? null : slot.getAndSet(null);
            if (recount.remove(eventId) || last != null) {
                try {
                    publish(eventId, last);
                } catch (RuntimeException e) {
                    Logger.getLogger(LiveCheckIns.class.getName())
                            .log(Level.WARNING, "live check-in update failed", e);
                }
            }
        }
    }

    private void publish(Long eventId, CheckIns.Answer last) {
        SseBroadcaster broadcaster = broadcasters.get(eventId);
        if (broadcaster != null && sse != null) {
            CheckInReports.Counts counts = reports.counts(eventId);
            var message = message(new Update(eventId, counts.checkedIn(), counts.expected(), last));
            writer.execute(() -> broadcaster.broadcast(message));
        }
    }

    private void ping() {
        if (sse != null) {
            broadcasters.values().forEach(b -> b.broadcast(sse.newEventBuilder().comment("ping").build()));
        }
    }

    private OutboundSseEvent message(Update update) {
        return sse.newEventBuilder().name("checkin").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, JSONB.toJson(update)).build();
    }

    @PreDestroy
    void stop() {
        if (publisher != null) {
            publisher.stop();
        }
        broadcasters.values().forEach(SseBroadcaster::close);
        writer.shutdownNow();
    }
}
