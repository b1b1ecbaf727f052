package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.Photos;
import cn.pujin.open.openness.control.Summaries;
import cn.pujin.open.openness.entity.EventPhoto;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /events/{id}/photos}: photos of a past event, uploaded by organisers and re-encoded without metadata;
 * public once the summary they were reviewed with is published.
 */
@Path("events/{eventId}/photos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventPhotosResource {

    @Inject
    Summaries summaries;

    @Inject
    CurrentUser user;

    /** Raw upload: the body is a JPEG or PNG of at most 5 MiB; it is re-encoded without metadata. */
    @POST
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("eventId") String eventId, @QueryParam("caption") String caption, InputStream body)
            throws IOException {
        Long me = user.require(Role.ORGANISER);
        Long id = Ids.parse(eventId);
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(Photos.MAX_BYTES + 1);
        EventPhoto p = summaries.addPhoto(me, id, caption, bytes);
        return Response.status(201).entity(new Summaries.PhotoView(p.getId(), id, p.getCaption(), p.getWidth(), p.getHeight(),
                false, "/api/v1/events/" + id + "/photos/" + p.getId() + ".jpg")).build();
    }

    @GET
    @Path("{photoId}.jpg")
    @Produces("image/jpeg")
    public Response photo(@PathParam("eventId") String eventId, @PathParam("photoId") String photoId) {
        EventPhoto p = summaries.photo(Ids.parse(eventId), Ids.parse(photoId), staff());
        return Response.ok(p.getContent(), "image/jpeg")
                .header("Cache-Control", p.isPublished() ? "public, max-age=86400" : "private, no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @DELETE
    @Path("{photoId}")
    public Response remove(@PathParam("eventId") String eventId, @PathParam("photoId") String photoId) {
        summaries.removePhoto(user.require(Role.ORGANISER), Ids.parse(eventId), Ids.parse(photoId));
        return Response.noContent().build();
    }

    private boolean staff() {
        return user.isSignedIn() && user.isAny(Role.ORGANISER, Role.REVIEWER, Role.ADMIN);
    }
}
