package cn.pujin.open.notification.boundary;

import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;

/** {@code /me/notifications}: the notices a person received (also mailed when they gave an address). */
@Consumes(MediaType.APPLICATION_JSON)
@Path("me/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyNotificationsResource {

    @Inject
    Notifications notifications;

    @Inject
    CurrentUser user;

    public record NotificationView(Long id, String kind, Long eventId, String subject, String text,
                                   OffsetDateTime createdAt, OffsetDateTime readAt, String email) {}

    @GET
    public Page<NotificationView> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        return notifications.mine(user.require(), Paging.of(page, size)).map(MyNotificationsResource::view);
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") String id) {
        notifications.markRead(user.require(), Ids.parse(id));
        return Response.noContent().build();
    }

    static NotificationView view(Notification n) {
        return new NotificationView(n.getId(), n.getKind(), n.getEventId(), n.getSubject(), n.getBodyText(),
                Times.local(n.getCreatedAt()), Times.local(n.getReadAt()), n.getEmailState().name());
    }
}
