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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Registrations are taken a few at a time, off the HTTP threads. In a rush (an open month's popular open day) every
 * registration waits for the same event row; when each held an HTTP thread, the 48 threads all waited there and a
 * visitor who only opened a page queued behind hundreds of them (seconds, bench/registration-rush). Here the HTTP
 * thread hands the registration to this desk and is free at once; {@value #CLERKS} clerks (threads) take them in
 * arrival order, each answering its caller after the commit. Fewer writers at once also means less waiting on the
 * row lock and the connection pool.
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

    /**
     * Runs {@code work} on a clerk within a request context of its own and resumes {@code response} with
     * {@code answer} of its result, or with the exception it threw (mapped to problem+json like any other).
     */
    public <T> void take(AsyncResponse response, Supplier<T> work, Function<T, Object> answer) {
        response.setTimeoutHandler(late -> late.resume(new Problem(503, ProblemCode.BUSY, "problem.busy", null,
                new Problem.RetryAfter(RETRY_SECONDS), RETRY_SECONDS)));
        response.setTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            clerks.execute(() -> {
                RequestContextController context = requestContexts.get();
                context.activate();
                try {
                    response.resume(answer.apply(work.get()));
                } catch (RuntimeException | Error e) {
                    response.resume(e);
                } finally {
                    context.deactivate();
                }
            });
        } catch (RejectedExecutionException e) {
            response.resume(new Problem(503, ProblemCode.BUSY, "problem.busy", null, new Problem.RetryAfter(RETRY_SECONDS), RETRY_SECONDS));
        }
    }
}
