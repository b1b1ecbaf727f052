package cn.pujin.open.registration.boundary;

import cn.pujin.open.registration.control.OnBehalfRequest;
import cn.pujin.open.platform.boundary.ProblemResponses;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.RegistrationDesk;
import cn.pujin.open.registration.control.RegistrationExports;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.RegistrationRequest;
import cn.pujin.open.registration.control.RegistrationView;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /events/{id}/registrations}: register or apply (citizen); the organiser's list with filters. */
@Path("events/{eventId}/registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventRegistrationsResource {

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    CurrentUser user;

    @Inject
    RegistrationExports exports;

    /** 代为报名 / 现场登记 (organiser): a resident without an account, consent on paper; audited. */
    @POST
    @Path("on-behalf")
    public Response registerOnBehalf(@PathParam("eventId") String eventId, OnBehalfRequest request, @Context UriInfo uri) {
        Long me = user.require(Role.ORGANISER);
        Registration r = registrations.registerOnBehalf(me, Ids.parse(eventId), request);
        return Response.created(uri.getBaseUriBuilder().path("registrations").path(String.valueOf(r.getId())).build())
                .entity(registrationQueries.views(List.of(r), false, false).get(0)).build();
    }

    @Inject
    RegistrationDesk desk;

    /** Answered after the commit by one of the {@link RegistrationDesk}'s clerks; this HTTP thread is free at once. */
    @POST
    public void register(@PathParam("eventId") String eventId, RegistrationRequest request, @Context UriInfo uri,
                         @Suspended AsyncResponse response) {
        Long me = user.require();
        Long event = Ids.parse(eventId);
        UriBuilder registrationsUri = uri.getBaseUriBuilder().path("registrations");
        desk.register(me, event, request, response, r -> Response.created(
                registrationsUri.clone().path(String.valueOf(r.registration().getId())).build()).entity(r.view()).build());
    }

    @GET
    public Page<RegistrationView> list(@PathParam("eventId") String eventId, @QueryParam("status") String status,
                                       @QueryParam("category") String category, @QueryParam("q") String text,
                                       @QueryParam("sort") String sort, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        user.require(Role.ORGANISER);
        Long id = Ids.parse(eventId);
        Paging paging = Paging.of(page, size);
        RegistrationQueries.Sort order = RegistrationQueries.Sort.CREATED;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            descending = sort.startsWith("-");
            try {
                order = RegistrationQueries.Sort.valueOf(sort.replaceFirst("^[-+]", "").toUpperCase());
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("sort", "validation.enum", List.of(RegistrationQueries.Sort.values()));
            }
        }
        var found = registrationQueries.forEvent(id, new RegistrationQueries.Filter(enums("status", status, RegistrationStatus.class),
                enums("category", category, Category.class), text), order, descending, paging);
        return new Page<>(registrationQueries.views(found.items(), false, false), found.total());
    }

    /** {@code export.csv} / {@code export.xlsx}; {@code phones=true} shows full numbers (audited either way). */
    @GET
    @Path("export.{format}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("eventId") String eventId, @PathParam("format") String format,
                           @QueryParam("phones") String phones, @Context HttpHeaders headers) {
        Long me = user.require(Role.ORGANISER);
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw Problem.notFound();
        }
        Long id = Ids.parse(eventId);
        var export = exports.export(me, id, "true".equals(phones), format,
                ProblemResponses.locale(headers));
        return Response.ok(export.bytes(), export.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    static <E extends Enum<E>> Set<E> enums(String field, String value, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (value == null || value.isBlank()) {
            return set;
        }
        for (String s : value.split(",")) {
            try {
                set.add(Enum.valueOf(type, s.strip()));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(field, "validation.enum", List.of(type.getEnumConstants()));
            }
        }
        return set;
    }
}
