package cn.pujin.open.notification.control;

import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.pass.control.PassArt;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;

/** The MIME message of a notice: text and HTML, its calendar invitation or withdrawal, and the pass's QR when it has one. */
final class MailComposer {

    private static final Logger LOG = Logger.getLogger(MailComposer.class.getName());

    private MailComposer() {}

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

    static MimeMessage compose(Session session, String from, Notification n, String to, Optional<String> passToken, Instant now)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(n.getSubject(), "UTF-8");
        message.setSentDate(Date.from(now));
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
            passToken.ifPresent(token -> {
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
        return message;
    }
}
