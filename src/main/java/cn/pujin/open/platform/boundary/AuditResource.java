package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Csv;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.AuditEntry;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** {@code GET /audit}: the audit log for admins, newest first, with filters. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Audit audit;

    @Inject
    CurrentUser user;

    public record AuditView(Long id, OffsetDateTime at, Long actorId, String entityType, Long entityId, String action,
                            String fromState, String toState, String reason, List<String> changed) {
        public static AuditView of(AuditEntry a) {
            return new AuditView(a.getId(), Times.local(a.getAt()), a.getActorId(), a.getEntityType(), a.getEntityId(),
                    a.getAction(), a.getFromState(), a.getToState(), a.getReason(), a.getChanged());
        }
    }

    @GET
    public Page<AuditView> search(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                                  @QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        user.require(Role.ADMIN);
        return audit.search(filter(entityType, entityId, actor, action, from, to), Paging.of(page, size)).map(AuditView::of);
    }

    /** The same entries as CSV (UTF-8 with BOM), all pages, newest first; the export itself is audited. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                                          @QueryParam("from") String from, @QueryParam("to") String to) {
        Long admin = user.require(Role.ADMIN);
        Audit.Filter filter = filter(entityType, entityId, actor, action, from, to);
        audit.recordExport(admin, filter.toString());
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder("\uFEFF");
            Csv.line(line, List.of("id", "at", "actorId", "entityType", "entityId", "action",
                    "fromState", "toState", "reason", "changed"));
            for (int page = 0; page < EXPORT_MAX / Paging.MAX_SIZE; page++) {
                var items = audit.search(filter, new Paging(page, Paging.MAX_SIZE)).items();
                for (AuditEntry a : items) {
                    AuditView v = AuditView.of(a);
                    Csv.line(line, Arrays.asList(String.valueOf(v.id()), String.valueOf(v.at()),
                            v.actorId() == null ? "" : String.valueOf(v.actorId()), v.entityType(),
                            v.entityId() == null ? "" : String.valueOf(v.entityId()), v.action(), v.fromState(), v.toState(), v.reason(),
                            String.join(" ", v.changed())));
                }
                w.write(line.toString());
                line.setLength(0);
                if (items.size() < Paging.MAX_SIZE) {
                    break;
                }
            }
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").header("Cache-Control", "private, no-store").build();
    }

    /** At most this many entries per CSV export (narrow the filters for more). */
    static final int EXPORT_MAX = 200_000;

    public static Audit.Filter filter(String entityType, String entityId, String actor, String action, String from, String to) {
        return new Audit.Filter(text("entityType", entityType), Ids.optional("entityId", entityId), Ids.optional("actor", actor),
                text("action", action), Times.parseParam("from", from), Times.parseParam("to", to));
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 40) {
            throw Problem.invalid(field, "validation.size.max.n", 40);
        }
        return value.strip();
    }
}
