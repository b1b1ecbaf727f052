package cn.pujin.open.pass.boundary;

import cn.pujin.open.pass.control.PassArt;
import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** {@code /registrations/{id}/pass.png} (the QR code) and {@code pass.pdf} (the printable pass), for the owner or an organiser. */
@Path("registrations/{id}/pass.{format: png|pdf}")
@RequestScoped
public class PassFileResource {

    @Inject
    Passes passes;

    @Inject
    CurrentUser user;

    @GET
    @Produces({"image/png", "application/pdf"})
    public Response file(@PathParam("id") String id, @PathParam("format") String format, @QueryParam("size") String size,
                         @QueryParam("paper") String paper) {
        Long me = user.require();
        if (format.equals("png")) {
            int pixels = PassParams.size(size);
            var pass = passes.current(Ids.parse(id), me, user.is(Role.ORGANISER));
            return PassParams.privateFile(PassArt.png(pass.getToken(), pixels), "image/png", "pass-" + id + ".png");
        }
        boolean a4 = PassParams.a4(paper);
        var view = passes.view(passes.current(Ids.parse(id), me, user.is(Role.ORGANISER)));
        return PassParams.privateFile(PassArt.pdf(view, a4), "application/pdf", "pass-" + view.number() + ".pdf");
    }
}
