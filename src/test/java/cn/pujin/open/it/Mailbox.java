package cn.pujin.open.it;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** What the app mailed, as GreenMail received it over SMTP. Tests use their own addresses. */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> to(String address) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage m : TestApp.get().mail.getReceivedMessages()) {
                for (Address a : m.getAllRecipients()) {
                    if (a.toString().contains(address)) {
                        found.add(m);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Waits (up to 60 s: a rush test may have queued hundreds before) for a mail with this subject. */
    public static MimeMessage await(String address, String subjectContains) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : to(address)) {
                try {
                    if (m.getSubject() != null && m.getSubject().contains(subjectContains)) {
                        return m;
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("no mail to " + address + " with subject containing " + subjectContains + "; got " + subjects(address));
        return null;
    }

    private static List<String> subjects(String address) {
        return to(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                return "?";
            }
        }).toList();
    }

    /** The text/calendar part of a mail, or null. */
    public static String calendarPart(MimeMessage message) {
        try {
            return find(message, "text/calendar");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of an attachment by file name, or null. */
    public static byte[] attachment(Part part, String filename) {
        try {
            if (filename.equals(part.getFileName())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    byte[] found = attachment(multipart.getBodyPart(i), filename);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String textPart(MimeMessage message) {
        try {
            return find(message, "text/plain");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
