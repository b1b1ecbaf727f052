package cn.pujin.open.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * A real SMPP 3.4 server session for the tests (jsmpp's server side): the app under test binds to it as its operator's SMS
 * centre (SMPP_HOST), with the system id and password checked, and every submitted message is kept by number.
 */
public final class SmsCenter implements AutoCloseable {

    public static final String SYSTEM_ID = "pujin";
    public static final String PASSWORD = "smpp-pw8";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    public record Sms(String to, String from, String text) {}

    private final SMPPServerSessionListener listener;
    private final Map<String, List<Sms>> received = new ConcurrentHashMap<>();
    private final List<String> refusedBinds = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile boolean open = true;

    public SmsCenter(int port) throws IOException {
        listener = new SMPPServerSessionListener(port);
        Thread acceptor = new Thread(this::acceptLoop, "sms-center");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (open) {
            try {
                SMPPServerSession session = listener.accept();
                session.setMessageReceiverListener(new Receiver());
                BindRequest bind = session.waitForBind(10_000);
                if (SYSTEM_ID.equals(bind.getSystemId()) && PASSWORD.equals(bind.getPassword())) {
                    bind.accept("pujin-smsc");
                } else {
                    refusedBinds.add(bind.getSystemId());
                    bind.reject(0x0E); // ESME_RINVPASWD
                }
            } catch (Exception e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    /** The messages the SMS centre accepted for {@code phone} (11 digits). */
    public List<Sms> to(String phone) {
        return List.copyOf(received.getOrDefault(phone, List.of()));
    }

    /** Waits (up to 15 s) until {@code phone} has more than {@code before} messages, and returns the newest one's code. */
    public String awaitCode(String phone, int before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<Sms> got = to(phone);
            if (got.size() > before) {
                Matcher m = CODE.matcher(got.get(got.size() - 1).text());
                if (m.find()) {
                    return m.group(1);
                }
                throw new AssertionError("a message without a code: " + got.get(got.size() - 1));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no SMS reached " + phone + " (binds refused: " + refusedBinds + ")");
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            String to = submit.getDestAddress().startsWith("86") ? submit.getDestAddress().substring(2) : submit.getDestAddress();
            byte coding = submit.getDataCoding();
            // UCS-2 (data coding 8, possibly with a message class) or the GSM default alphabet as Latin text
            String text = (coding & 0x0C) == 0x08 ? new String(submit.getShortMessage(), StandardCharsets.UTF_16BE)
                    : new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1);
            received.computeIfAbsent(to, k -> new CopyOnWriteArrayList<>()).add(new Sms(to, submit.getSourceAddr(), text));
            try {
                return new SubmitSmResult(new MessageId(Long.toHexString(ids.incrementAndGet())), null);
            } catch (Exception e) {
                throw new ProcessRequestException("no id", 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    /** The numbers that received something (for debugging a test). */
    public List<String> numbers() {
        return new ArrayList<>(received.keySet());
    }
}
