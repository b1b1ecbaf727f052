package cn.pujin.open.notification.boundary;

import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code /me/registrations.xhtml}, its notices part: the latest notices sent to me. */
@Named
@RequestScoped
public class MyNoticesPage {

    @Inject
    Notifications notifications;

    @Inject
    CurrentUser user;

    private List<Notification> notices;

    public List<Notification> getNotices() {
        if (notices == null) {
            notices = notifications.mine(user.require(), new Paging(0, 20)).items();
        }
        return notices;
    }
}
