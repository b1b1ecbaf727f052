package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.CheckIns;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** {@code /checkins}: scans at the door, manual admission, and offline scans uploaded later (stateless, one instance). */
@Path("checkins")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckInsResource {

    static final int MAX_BATCH = 500;

    @Inject
    CheckIns checkIns;

    @Inject
    CheckInAccess access;

    public record ScanRequest(String token, String nonce, Long station, Long eventId) {}

    public record ManualRequest(Long registrationId, String nonce, Long station, Long eventId) {}

    public record OfflineScan(String token, Long registrationId, String nonce, OffsetDateTime scannedAt) {}

    public record BatchRequest(Long station, Long eventId, List<OfflineScan> scans) {}

    public record BatchAnswer(List<CheckIns.Answer> results) {}

    @POST
    public CheckIns.Answer scan(ScanRequest request) {
        access.requireScanner();
        if (request == null || request.token() == null) {
            throw Problem.invalid("token", "checkin.token.required");
        }
        if (request.token().length() > CheckIns.MAX_TOKEN_TEXT) {
            throw Problem.invalid("token", "validation.size.max.n", CheckIns.MAX_TOKEN_TEXT);
        }
        CheckIns.checkNonce(request.nonce());
        CheckIns.Scanner scanner = access.scanner(request.station(), request.eventId());
        return once(() -> checkIns.scan(scanner, new CheckIns.Scan(request.token(), null, request.nonce(), null), false));
    }

    /** An organiser or station admits someone found by name, phone tail or number (no phone with them). */
    @POST
    @Path("manual")
    public CheckIns.Answer manual(ManualRequest request) {
        access.requireScanner();
        if (request == null || request.registrationId() == null) {
            throw Problem.invalid("registrationId", "validation.required");
        }
        CheckIns.checkNonce(request.nonce());
        CheckIns.Scanner scanner = access.scanner(request.station(), request.eventId());
        return once(() -> checkIns.scan(scanner, new CheckIns.Scan(null, request.registrationId(), request.nonce(), null), false));
    }

    /** Scans verified offline at a station, in the order they happened; the earliest admission wins. */
    @POST
    @Path("batch")
    public BatchAnswer batch(BatchRequest request) {
        access.requireScanner();
        if (request == null || request.scans() == null) {
            throw Problem.invalid("scans", "validation.required");
        }
        if (request.scans().size() > MAX_BATCH) {
            throw Problem.invalid("scans", "checkin.batch.size", MAX_BATCH);
        }
        for (int i = 0; i < request.scans().size(); i++) {
            OfflineScan s = request.scans().get(i);
            if (s == null || (s.token() == null && s.registrationId() == null)) {
                throw Problem.invalid("scans[" + i + "].token", "checkin.token.required");
            }
            if (!CheckIns.isNonce(s.nonce())) {
                throw Problem.invalid("scans[" + i + "].nonce", "checkin.nonce");
            }
            if (s.token() != null && s.token().length() > CheckIns.MAX_TOKEN_TEXT) {
                throw Problem.invalid("scans[" + i + "].token", "validation.size.max.n", CheckIns.MAX_TOKEN_TEXT);
            }
        }
        CheckIns.Scanner scanner = access.scanner(request.station(), request.eventId());
        List<OfflineScan> ordered = new ArrayList<>(request.scans());
        ordered.sort(Comparator.comparing(s -> s.scannedAt() == null ? OffsetDateTime.MAX : s.scannedAt()));
        List<CheckIns.Answer> results = new ArrayList<>();
        for (OfflineScan s : ordered) {
            results.add(once(() -> checkIns.scan(scanner, new CheckIns.Scan(s.token(), s.registrationId(), s.nonce(),
                    s.scannedAt() == null ? null : s.scannedAt().toInstant()), true)));
        }
        return new BatchAnswer(results);
    }

    /**
     * The same nonce sent twice at the same moment: one insert wins the unique constraint, the other
     * transaction rolls back; asking again then finds the first answer.
     */
    private static CheckIns.Answer once(Supplier<CheckIns.Answer> scan) {
        try {
            return scan.get();
        } catch (PersistenceException | TransactionalException e) {
            return scan.get();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof RollbackException) {
                return scan.get();
            }
            throw e;
        }
    }
}
