package cn.pujin.open.notification.control;

import cn.pujin.open.account.control.Contact;
import cn.pujin.open.account.control.Contacts;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.platform.control.ChainedTask;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends queued mails after the changing transaction commits, and every 30 seconds retries what is still
 * owed (after a failure or a restart). A row is claimed with a conditional UPDATE before it is sent, so
 * several instances never send the same mail twice. Without {@code MAIL_HOST} mails are written as
 * {@code .eml} files under {@code OUTBOX_DIR} (the demo default).
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    /**
     * Claims are leases between processes, so they run on real time, never on the application clock: with the clock
     * moved on one instance (CLOCK_CONTROL), another instance saw that instance's claim as long expired and sent the
     * same mail again (ClusterIT, a reminder mailed twice).
     */
    private static final Clock LEASES = Clock.systemUTC();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "MAIL_HOST")
    Optional<String> host;

    /**
     * How long an instance may take to send a mail it claimed; if it dies meanwhile, another instance (or it, after
     * a restart) sends the mail once the claim has run out. Longer than the SMTP timeouts.
     */
    @Inject
    @ConfigProperty(name = "MAIL_CLAIM_SECONDS", defaultValue = "120")
    long claimSeconds;

    @Inject
    @ConfigProperty(name = "MAIL_PORT", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "MAIL_FROM")
    String from;

    @Inject
    @ConfigProperty(name = "MAIL_USER")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "MAIL_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "MAIL_STARTTLS", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "OUTBOX_DIR", defaultValue = "data/outbox")
    String outboxDir;

    @Inject
    Instance<MailOutbox> self;

    private Session session;
    private ChainedTask worker;

    @PostConstruct
    void init() {
        MailComposer.nameStreamProvider();
        Properties p = new Properties();
        host.ifPresent(h -> {
            p.put("mail.smtp.host", h);
            p.put("mail.smtp.port", String.valueOf(port));
            p.put("mail.smtp.connectiontimeout", "10000");
            p.put("mail.smtp.timeout", "10000");
            p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
            p.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        });
        session = Session.getInstance(p, user.isPresent() ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.get(), password.orElse(""));
            }
        } : null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        worker = new ChainedTask(scheduler, "mail outbox run", this::tick);
        worker.start(TICK, TICK);
        LOG.info(() -> "mail outbox: " + (host.isPresent() ? "SMTP " + host.get() + ":" + port
                : "no MAIL_HOST, writing .eml files to " + Path.of(outboxDir).toAbsolutePath()));
    }

    private static final Duration TICK = Duration.ofMillis(200);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Mail waits while mails are still being queued (a registration rush), so the people in the rush go first... */
    private static final long CALM_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** ...but never longer than this after the first of them was queued. */
    private static final long MAX_DEFER_NANOS = TimeUnit.SECONDS.toNanos(5);
    private volatile long lastFullDrain = System.nanoTime();
    private volatile long lastQueued;
    private volatile long waitingSince;

    /**
     * One worker ({@link cn.pujin.open.platform.control.ChainedTask}), every 200 ms: it sends what commits queued once
     * the queueing has calmed for 300 ms (or 5 s after the first of it, under a steady load), and every 30 seconds
     * retries what is still owed. Sending costs CPU (MIME, the pass's QR image): during a rush it would be taken from
     * the registrations being answered.
     */
    private void tick() {
        if (paused) {
            return;
        }
        long now = System.nanoTime();
        boolean retryDue = now - lastFullDrain > RETRY_NANOS;
        boolean due = more.get() && (now - lastQueued > CALM_NANOS || now - waitingSince > MAX_DEFER_NANOS);
        if (due || retryDue) {
            more.set(false);
            if (retryDue) {
                lastFullDrain = now;
            }
            drainQuietly();
        }
    }

    private volatile boolean paused;

    /** Holds (or resumes) this instance's sending; what is queued meanwhile waits in the outbox. Tests only. */
    public void pause(boolean hold) {
        paused = hold;
        if (!hold) {
            waitingSince = System.nanoTime();
            more.set(true);
        }
    }

    public boolean isPaused() {
        return paused;
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    private final AtomicBoolean more = new AtomicBoolean();

    /** Right after the commit that queued it: the next tick (within 200 ms) sends it, off the request thread. */
    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notifications.MailQueued mail) {
        long now = System.nanoTime();
        lastQueued = now;
        if (!more.getAndSet(true)) {
            waitingSince = now;
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mail outbox run failed", e);
        }
    }

    /**
     * Sends everything that is due, in batches of up to 100 over one SMTP connection: the batch is claimed in one
     * transaction, its notices, addresses and passes are read with one query each, and the sent ones are recorded with
     * one UPDATE; returns how many were sent.
     */
    public int drain() {
        int sent = 0;
        List<Long> due;
        do {
            due = em.createQuery("""
                            select n.id from Notification n where n.emailState = :p and n.nextAttemptAt <= :now
                            and (n.claimedUntil is null or n.claimedUntil < :lease) order by n.nextAttemptAt""", Long.class)
                    .setParameter("p", Notification.EmailState.PENDING).setParameter("now", clock.instant())
                    .setParameter("lease", LEASES.instant())
                    .setMaxResults(100).getResultList();
            List<Long> claimed = self.get().claim(due);
            if (!claimed.isEmpty()) {
                sent += deliver(claimed);
            }
        } while (due.size() == 100);
        return sent;
    }

    /** Claims, sends and records a batch of mails this instance has claimed; returns how many went out. */
    private int deliver(List<Long> claimed) {
        List<Notification> batch = em.createQuery("select n from Notification n where n.id in :ids order by n.id", Notification.class)
                .setParameter("ids", claimed).getResultList();
        Map<Long, Contact> people = contacts.of(batch.stream().map(Notification::getAccountId).collect(Collectors.toSet()));
        Map<Long, String> tokens = passes.activeTokens(batch.stream().filter(MailOutbox::withPass)
                .map(Notification::getRegistrationId).collect(Collectors.toSet()));
        List<Long> sent = new ArrayList<>();
        Map<Long, String> failed = new HashMap<>();
        try (Connection smtp = new Connection()) {
            for (Notification n : batch) {
                try {
                    String to = Optional.ofNullable(people.get(n.getAccountId())).flatMap(contacts::emailOf).orElse(null);
                    if (to == null) {
                        failed.put(n.getId(), "no e-mail address");
                    } else {
                        send(n, to, Optional.ofNullable(tokens.get(n.getRegistrationId())), smtp);
                        sent.add(n.getId());
                    }
                } catch (MessagingException | IOException | RuntimeException e) {
                    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.log(Level.WARNING, "mail " + n.getId() + " failed: " + error);
                    failed.put(n.getId(), error);
                }
            }
        }
        self.get().record(sent, failed);
        return sent.size();
    }

    /** An SMTP connection opened on first use and kept for a batch (none when writing .eml files). */
    private final class Connection implements AutoCloseable {
        private Transport transport;

        void send(MimeMessage message) throws MessagingException {
            if (transport == null) {
                transport = session.getTransport("smtp");
                transport.connect();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.log(Level.FINE, "closing SMTP connection", e);
                }
                transport = null;
            }
        }
    }

    /**
     * Claims the mails that are still pending and unclaimed (another instance may have taken some), in one transaction;
     * returns those this instance now holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(List<Long> ids) {
        Instant now = LEASES.instant();
        List<Long> claimed = new ArrayList<>();
        for (Long id : ids) {
            if (em.createQuery("""
                            update Notification n set n.claimedUntil = :until where n.id = :id and n.emailState = :p
                            and (n.claimedUntil is null or n.claimedUntil < :now)""")
                    .setParameter("until", now.plus(Duration.ofSeconds(claimSeconds))).setParameter("id", id)
                    .setParameter("p", Notification.EmailState.PENDING).setParameter("now", now).executeUpdate() == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** The sent ones in one UPDATE; a failed one backs off (or gives up) on its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(List<Long> sent, Map<Long, String> failed) {
        Instant now = clock.instant();
        if (!sent.isEmpty()) {
            em.createQuery("""
                            update Notification n set n.emailState = :s, n.sentAt = :now, n.claimedUntil = null,
                            n.attempts = n.attempts + 1, n.lastError = null, n.version = n.version + 1 where n.id in :ids""")
                    .setParameter("s", Notification.EmailState.SENT).setParameter("now", now).setParameter("ids", sent)
                    .executeUpdate();
        }
        failed.forEach((id, error) -> em.find(Notification.class, id).failed(error, now));
    }

    private static final Set<String> WITH_PASS = Set.of("CONFIRMED", "PROMOTED", "SELECTED", "REMINDED");

    @Inject
    Passes passes;

    /** Whether the notice confirms a seat: its mail carries the current pass (a later cancellation has revoked it). */
    private static boolean withPass(Notification n) {
        return n.getRegistrationId() != null && WITH_PASS.contains(n.getKind());
    }

    private void send(Notification n, String to, Optional<String> passToken, Connection smtp) throws MessagingException, IOException {
        MimeMessage message = MailComposer.compose(session, from, n, to, passToken, clock.instant());
        if (host.isPresent()) {
            smtp.send(message);
        } else {
            Path dir = Path.of(outboxDir);
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve("notification-" + n.getId() + ".eml"))) {
                message.writeTo(out);
            }
        }
    }
}
