package cn.pujin.open.registration.control;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Registrations are taken off the HTTP threads and served per event in arrival order. In a rush (an open month's
 * popular open day) every registration waits for the same event row; when each held an HTTP thread, the 48 threads
 * all waited there and a visitor who only opened a page queued behind hundreds of them (seconds, measured by
 * bench/registration-rush). Here the HTTP thread queues the registration in its event's line and is free at once; a
 * clerk (one of {@value #CLERKS} threads, one per event at a time) takes everyone waiting in that line, up to
 * {@link RegistrationBatches#MAX}, and registers them in one transaction ({@link RegistrationBatches}: group
 * commit), then answers each caller. What a batch cannot serve (a decision meeting's application, a batch that
 * failed because someone registered elsewhere meanwhile) is registered one by one, as before.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = RegistrationDesk.EXECUTOR, maxAsync = RegistrationDesk.CLERKS)
public class RegistrationDesk {

    static final String EXECUTOR = "java:app/concurrent/registrations";
    static final int CLERKS = 8;
    /** A caller still waiting after this long gets 503 with Retry-After; the registration, if it ran, stands. */
    static final long TIMEOUT_SECONDS = 30;
    static final long RETRY_SECONDS = 5;

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService clerks;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Inject
    RegistrationBatches batches;

    @Inject
    Registrations registrations;

    /** Someone waiting in an event's line: who, what they asked, and how their answer is made and sent. */
    private record Waiting(Long accountId, RegistrationRequest request, AsyncResponse response,
                           Function<Registrations.Registered, Object> answer) {

        void answer(Registrations.Registered registered) {
            response.resume(answer.apply(registered));
        }
    }

    private final Map<Long, Queue<Waiting>> lines = new ConcurrentHashMap<>();
    private final Set<Long> serving = ConcurrentHashMap.newKeySet();

    /**
     * Queues a registration (or a meeting application) for the event; {@code response} is resumed after the commit with
     * {@code answer} of the registration, or with the problem that refused it (mapped to problem+json like any other).
     */
    public void register(Long accountId, Long eventId, RegistrationRequest request, AsyncResponse response,
                         Function<Registrations.Registered, Object> answer) {
        response.setTimeoutHandler(late -> late.resume(busy()));
        response.setTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        lines.computeIfAbsent(eventId, e -> new ConcurrentLinkedQueue<>()).add(new Waiting(accountId, request, response, answer));
        serveSoon(eventId);
    }

    private void serveSoon(Long eventId) {
        if (!serving.add(eventId)) {
            return; // a clerk is on this line; it looks again before it leaves
        }
        try {
            clerks.execute(() -> serve(eventId));
        } catch (RejectedExecutionException e) {
            serving.remove(eventId);
            Queue<Waiting> line = lines.get(eventId);
            for (Waiting w = line.poll(); w != null; w = line.poll()) {
                w.response().resume(busy());
            }
        }
    }

    private void serve(Long eventId) {
        Queue<Waiting> line = lines.get(eventId);
        RequestContextController context = requestContexts.get();
        context.activate();
        try {
            List<Waiting> batch = new ArrayList<>();
            for (Waiting w = line.poll(); w != null; w = batch.size() < RegistrationBatches.MAX ? line.poll() : null) {
                batch.add(w);
            }
            if (!batch.isEmpty()) {
                registerAll(eventId, batch);
            }
        } finally {
            context.deactivate();
            serving.remove(eventId);
            if (!line.isEmpty()) {
                serveSoon(eventId);
            }
        }
    }

    private void registerAll(Long eventId, List<Waiting> batch) {
        List<RegistrationBatches.Outcome> outcomes;
        try {
            outcomes = batches.register(eventId, batch.stream().map(Waiting::accountId).toList());
        } catch (Problem aboutTheEvent) {
            batch.forEach(w -> w.response().resume(aboutTheEvent));
            return;
        } catch (RuntimeException notBatchable) {
            // a decision meeting, or a batch that failed as a whole (nothing of it was stored): one by one
            for (Waiting w : batch) {
                try {
                    w.answer(registrations.register(w.accountId(), eventId, w.request()));
                } catch (RuntimeException e) {
                    w.response().resume(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            RegistrationBatches.Outcome o = outcomes.get(i);
            if (o.refused() != null) {
                batch.get(i).response().resume(o.refused());
            } else {
                batch.get(i).answer(o.registered());
            }
        }
    }

    private static Problem busy() {
        return new Problem(503, ProblemCode.BUSY, "problem.busy", null, new Problem.RetryAfter(RETRY_SECONDS), RETRY_SECONDS);
    }
}
