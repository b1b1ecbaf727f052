package cn.pujin.open.account.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * Text messages to mainland mobile numbers. With {@code SMPP_HOST} set, through the operator's SMS centre over SMPP 3.4
 * (a transmitter session, UCS-2 text, kept open and bound again after a failure); without it (the run command) each
 * message is written as a text file under {@code SMS_OUTBOX_DIR}, as mails are written under {@code OUTBOX_DIR}.
 */
@ApplicationScoped
public class SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGateway.class.getName());

    @Inject
    @ConfigProperty(name = "SMPP_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "SMPP_PORT", defaultValue = "2775")
    int port;

    @Inject
    @ConfigProperty(name = "SMPP_SYSTEM_ID", defaultValue = "pujin")
    String systemId;

    /** Optional: an empty default counts as no value for MicroProfile Config, and the run command sets none. */
    @Inject
    @ConfigProperty(name = "SMPP_PASSWORD")
    Optional<String> password;

    /** The sender shown on the phone (an operator-assigned number or name). */
    @Inject
    @ConfigProperty(name = "SMPP_SOURCE", defaultValue = "PUJIN")
    String source;

    @Inject
    @ConfigProperty(name = "SMS_OUTBOX_DIR", defaultValue = "data/sms-outbox")
    String outboxDir;

    @Inject
    Clock clock;

    private SMPPSession session;

    /** Sends {@code text} to {@code phone} (11 digits); throws when the SMS centre refused it or could not be reached. */
    public synchronized void send(String phone, String text) throws IOException {
        if (host.isEmpty()) {
            write(phone, text);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                submit(bound(), phone, text);
                return;
            } catch (Exception e) {
                close();
                if (attempt == 2) {
                    throw new IOException("SMS to " + phone.substring(0, 3) + "…" + " not accepted by " + host.get() + ":" + port, e);
                }
            }
        }
    }

    private SMPPSession bound() throws IOException {
        if (session == null || !session.getSessionState().isBound()) {
            close();
            SMPPSession s = new SMPPSession();
            s.setTransactionTimer(10_000);
            s.connectAndBind(host.get(), port, new BindParameter(BindType.BIND_TX, systemId, password.orElse(""), "",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            session = s;
        }
        return session;
    }

    private void submit(SMPPSession s, String phone, String text) throws Exception {
        s.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, source,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "86" + phone, new ESMClass(), (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false), (byte) 0,
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    private void write(String phone, String text) throws IOException {
        Path dir = Path.of(outboxDir);
        Files.createDirectories(dir);
        String name = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atOffset(ZoneOffset.ofHours(8)))
                + "-" + phone + "-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        Files.writeString(dir.resolve(name), "To: " + phone + "\n\n" + text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    @PreDestroy
    synchronized void close() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException alreadyGone) {
                LOG.fine(() -> "SMPP session closed: " + alreadyGone);
            }
            session = null;
        }
    }

    /** For the system page: where messages go. */
    public String describe() {
        return host.map(h -> "SMPP " + h + ":" + port).orElse("folder " + Path.of(outboxDir).toAbsolutePath());
    }
}
