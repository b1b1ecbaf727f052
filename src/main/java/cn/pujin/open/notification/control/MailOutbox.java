package cn.pujin.open.notification.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.pass.control.PassArt;
import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.pass.entity.Pass;
import cn.pujin.open.platform.control.ChainedTask;
import jakarta.activation.DataHandler;
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
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
    Accounts accounts;

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

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a fresh {@code ServiceLoader} scan of every jar
     * for each header it encodes and each body part it creates (jakartaee/mail-api#699, #861); under a
     * registration rush that scan was over a third of the application's CPU. Naming the implementation in the
     * system property the API reads first turns each lookup into a loaded-class hit. Only set when unset and
     * when Payara's mail implementation (Angus) is the one visible to this application.
     */
    static void nameStreamProvider() {
        String property = StreamProvider.class.getName();
        String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(property) != null) {
            return;
        }
        try {
            Class.forName(angus, false, Thread.currentThread().getContextClassLoader());
            System.setProperty(property, angus);
        } catch (ClassNotFoundException | LinkageError other) {
            LOG.fine(() -> "no " + angus + ", Jakarta Mail keeps its own lookup");
        }
    }

    @PostConstruct
    void init() {
        nameStreamProvider();
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
    private volatile long lastFullDrain = System.nanoTime();

    /**
     * One worker ({@link cn.pujin.open.platform.control.ChainedTask}), every 200 ms: it sends when a commit queued
     * mail, and every 30 seconds retries what is still owed.
     */
    private void tick() {
        boolean retryDue = System.nanoTime() - lastFullDrain > RETRY_NANOS;
        if (more.getAndSet(false) || retryDue) {
            if (retryDue) {
                lastFullDrain = System.nanoTime();
            }
            drainQuietly();
        }
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
        more.set(true);
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mail outbox run failed", e);
        }
    }

    /** Sends everything that is due, over one SMTP connection per batch; returns how many were sent. */
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
            try (Connection smtp = new Connection()) {
                for (Long id : due) {
                    if (deliver(id, smtp)) {
                        sent++;
                    }
                }
            }
        } while (due.size() == 100);
        return sent;
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

    /** Claims, sends and records one mail; false if another worker had it or it is not due. */
    private boolean deliver(Long id, Connection smtp) {
        if (!self.get().claim(id)) {
            return false;
        }
        Notification n = em.find(Notification.class, id);
        String error = null;
        try {
            String to = accounts.find(n.getAccountId()).flatMap(accounts::emailOf).orElse(null);
            if (to == null) {
                error = "no e-mail address";
            } else {
                send(n, to, smtp);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "mail " + id + " failed: " + error);
        }
        self.get().record(id, error);
        return error == null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(Long id) {
        Instant now = LEASES.instant();
        return em.createQuery("""
                        update Notification n set n.claimedUntil = :until where n.id = :id and n.emailState = :p
                        and (n.claimedUntil is null or n.claimedUntil < :now)""")
                .setParameter("until", now.plus(Duration.ofSeconds(claimSeconds))).setParameter("id", id).setParameter("p", Notification.EmailState.PENDING)
                .setParameter("now", now).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Long id, String error) {
        Notification n = em.find(Notification.class, id);
        if (error == null) {
            n.sent(clock.instant());
        } else {
            n.failed(error, clock.instant());
        }
    }

    private static final Set<String> WITH_PASS = Set.of("CONFIRMED", "PROMOTED", "SELECTED", "REMINDED");

    @Inject
    Passes passes;

    /** The current pass token when the notice confirms a seat (a later cancellation has revoked it). */
    private Optional<String> passOf(Notification n) {
        if (n.getRegistrationId() == null || !WITH_PASS.contains(n.getKind())) {
            return Optional.empty();
        }
        return passes.active(n.getRegistrationId()).map(Pass::getToken);
    }

    private void send(Notification n, String to, Connection smtp) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(n.getSubject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Message-ID", "<notification-" + n.getId() + "@pujin-open>");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(n.getBodyText(), "UTF-8");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(n.getBodyHtml(), "text/html; charset=UTF-8");
        alternative.addBodyPart(html);
        if (n.getIcs() == null) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            MimeBodyPart invite = new MimeBodyPart();
            String method = n.getIcs().contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
            invite.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    n.getIcs().getBytes(StandardCharsets.UTF_8), "text/calendar; charset=UTF-8; method=" + method)));
            invite.setFileName("invite.ics");
            invite.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
            mixed.addBodyPart(invite);
            passOf(n).ifPresent(token -> {
                try {
                    MimeBodyPart pass = new MimeBodyPart();
                    pass.setDataHandler(new DataHandler(new ByteArrayDataSource(
                            PassArt.png(token, PassArt.DEFAULT_SIZE), "image/png")));
                    pass.setFileName("pass.png");
                    mixed.addBodyPart(pass);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
            message.setContent(mixed);
        }
        message.saveChanges();
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
