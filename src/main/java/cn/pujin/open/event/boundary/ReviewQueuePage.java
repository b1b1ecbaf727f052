package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.MeetingMaterials;
import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/** {@code /review/}: everything awaiting a reviewer, with approve (confirmed) and return-with-reason. */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Events events;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    /** One entry of the queue; {@code mine} when the reviewer wrote or submitted it (self-review is refused). */
    public record Item(EventView event, EventView published, boolean revision, String author, String submitter,
                       boolean mine) implements Serializable {}

    private List<Item> items;
    private Long rejectId;
    private String rejectReason;

    public List<Item> getItems() {
        if (items == null) {
            Long me = user.require(Role.REVIEWER);
            items = events.workingList(null, true, new Paging(0, Paging.MAX_SIZE)).items().stream().map(view -> {
                Event e = events.working(view.id());
                boolean revision = e.getStatus() == EventStatus.PUBLISHED;
                return new Item(view, revision ? publicEvents.published(view.id()).orElse(null) : null, revision,
                        name(e.getLastEditedBy()), name(e.getSubmittedBy()), e.isAuthor(me));
            }).toList();
        }
        return items;
    }

    private String name(Long accountId) {
        return accountId == null ? "" : accounts.find(accountId).map(Account::getDisplayName).orElse("#" + accountId);
    }

    @Inject
    MeetingMaterials materials;

    /** The materials rule of a meeting under review (null for open days). */
    public MeetingMaterials.Status materials(EventView event) {
        return event.isMeeting() ? materials.status(event.id()) : null;
    }

    public void approve(Long eventId) {
        try {
            events.approve(user.require(Role.REVIEWER), eventId);
            Faces.info("review.approved");
        } catch (RuntimeException e) {
            Faces.show(e, "queue", Map.of());
        }
        items = null;
        // the card goes away: the message at the top says what happened, so the page goes there
        Faces.bringIntoView("queue:messages");
    }

    public void prepareReject(Long eventId) {
        rejectId = eventId;
        rejectReason = null;
    }

    public void reject() {
        try {
            events.reject(user.require(Role.REVIEWER), rejectId, rejectReason);
            Faces.info("review.rejected");
            PrimeFaces.current().executeScript("PF('rejectDialog').hide()");
            items = null;
        } catch (RuntimeException e) {
            Faces.show(e, "rejectForm", Map.of("reason", "reason"));
        }
    }

    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
}

