package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /me/messages}: the caller's own messages with their acknowledgement, due dates and answers, newest first. */
@Path("me/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyMessagesResource {

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    CurrentInputActor actor;

    @GET
    public Page<MessageView> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        InputActor me = actor.get();
        var found = board.mine(me.id(), Paging.of(page, size));
        return new Page<>(views.views(me, found.items(), false), found.total());
    }
}
