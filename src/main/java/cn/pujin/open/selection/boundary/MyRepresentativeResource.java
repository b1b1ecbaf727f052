package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.selection.control.Nominations;
import cn.pujin.open.selection.control.Pool;
import cn.pujin.open.selection.control.PoolRecords;
import cn.pujin.open.selection.entity.Representative;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /me/representative}: one's place in the pool (代表库) — membership and the next yearly review, the nominations
 * one made or received, the attendance history — and the yearly re-confirmation ({@code POST /me/representative/confirm}).
 */
@Path("me/representative")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyRepresentativeResource {

    @Inject
    Pool pool;

    @Inject
    Nominations nominations;

    @Inject
    PoolRecords records;

    @Inject
    CurrentUser user;

    public record Membership(boolean member, LocalDate reviewDueOn, boolean eligible, List<Nominations.NominationView> nominations,
                             PoolRecords.History history) {}

    @GET
    public Membership get() {
        Long me = user.require();
        return membership(me);
    }

    @POST
    @Path("confirm")
    public Membership confirm(PoolRecords.ConfirmRequest request) {
        Long me = user.require();
        records.confirm(me, request);
        return membership(me);
    }

    private Membership membership(Long me) {
        Representative member = pool.member(me);
        return new Membership(member != null, member == null ? null : member.getReviewDueOn(),
                member != null && member.isEligible(pool.today()), nominations.views(nominations.mine(me), false), records.history(me));
    }
}
