package cn.pujin.open.platform.control;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background job that repeats on the platform's managed scheduler as a chain of one-shot tasks, each scheduled
 * by the one before. Never a fixed-delay task (Payara re-uses one invocation whose non-transactional EntityManager
 * is closed after the first run) and never submitted from a request thread (Payara then propagates the request's
 * invocation into the task). Start it from an {@code @Initialized(ApplicationScoped.class)} observer, stop it in
 * {@code @PreDestroy}.
 */
public final class ChainedTask {

    private static final Logger LOG = Logger.getLogger(ChainedTask.class.getName());

    private final ManagedScheduledExecutorService scheduler;
    private final String name;
    private final Runnable work;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;

    /** {@code name} appears in the log when a run fails ("NAME failed"); the chain goes on regardless. */
    public ChainedTask(ManagedScheduledExecutorService scheduler, String name, Runnable work) {
        this.scheduler = scheduler;
        this.name = name;
        this.work = work;
    }

    /** A chain started at once: first run after {@code seconds} (at least one), then every {@code seconds} after the last. */
    public static ChainedTask every(ManagedScheduledExecutorService scheduler, String name, long seconds, Runnable work) {
        Duration every = Duration.ofSeconds(Math.max(1, seconds));
        ChainedTask chain = new ChainedTask(scheduler, name, work);
        chain.start(every, every);
        return chain;
    }

    /** Stops the chain if there is one (a bean destroyed before its start event). */
    public static void stop(ChainedTask chain) {
        if (chain != null) {
            chain.stop();
        }
    }

    /** First run after {@code first}, then every {@code every} after the previous run ended. */
    public void start(Duration first, Duration every) {
        schedule(first, every);
    }

    private void schedule(Duration delay, Duration every) {
        if (!stopped) {
            next = scheduler.schedule(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, name + " failed", e);
                } finally {
                    schedule(every, every);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
