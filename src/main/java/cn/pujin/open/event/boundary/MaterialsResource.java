package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.MeetingMaterials;
import cn.pujin.open.event.entity.MaterialFile;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.platform.boundary.Files;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /materials/{id}}: a meeting material's file — staff always, anyone once an approved meeting links to it. */
@Path("materials")
@RequestScoped
public class MaterialsResource {

    @Inject
    MeetingMaterials materials;

    @Inject
    CurrentUser user;

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") String id) {
        MaterialFile f = materials.file(Ids.parse(id), user.isAny(Role.ORGANISER, Role.REVIEWER));
        return Files.download(f.getContent(), f.getMediaType(), f.getFileName());
    }
}
