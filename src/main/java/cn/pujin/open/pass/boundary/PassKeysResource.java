package cn.pujin.open.pass.boundary;

import cn.pujin.open.pass.control.PassKeys;
import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code /pass-keys}: admins see the signing keys (public halves) and rotate them. */
@Path("pass-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PassKeysResource {

    @Inject
    PassKeys keys;

    @Inject
    Passes passes;

    @Inject
    CurrentUser user;

    public record KeyView(int id, String publicKey, OffsetDateTime expiresAt, boolean signing) {}

    /** {@code expireOthers}: the old keys stop verifying now and the valid passes of coming events are re-signed. */
    public record RotateRequest(Boolean expireOthers) {}

    public record Rotated(KeyView key, int passesReissued) {}

    @GET
    public List<KeyView> list() {
        user.require(Role.ADMIN);
        int signing = keys.signing().id();
        return keys.all().stream().map(k -> view(k, signing)).toList();
    }

    @POST
    @Path("rotate")
    public Rotated rotate(RotateRequest request) {
        Long me = user.require(Role.ADMIN);
        boolean expire = request != null && Boolean.TRUE.equals(request.expireOthers());
        PassKeys.Loaded key = keys.rotate(expire);
        int reissued = expire ? passes.reissueAll(me, key.id()) : 0;
        return new Rotated(view(key, key.id()), reissued);
    }

    private static KeyView view(PassKeys.Loaded k, int signing) {
        return new KeyView(k.id(), k.publicKeyText(), Times.local(k.expiresAt()), k.id() == signing);
    }
}
