package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.selection.control.Pool;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** {@code /me/registrations.xhtml}, its invitations part: invitations to attend a meeting from the pool, accept or decline. */
@Named
@ViewScoped
public class MyInvitationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Pool pool;

    @Inject
    CurrentUser user;

    private transient List<Pool.InvitationView> invitations;
    private Long acceptId;
    private String acceptStatement;

    public List<Pool.InvitationView> getInvitations() {
        if (invitations == null) {
            invitations = pool.mine(user.require());
        }
        return invitations;
    }

    public void prepareAccept(Long invitationId) {
        acceptId = invitationId;
        acceptStatement = null;
    }

    /** Accepting makes an application: the page is loaded again so the registrations above show it. */
    public void accept() {
        try {
            pool.accept(user.require(), acceptId, acceptStatement);
        } catch (Problem e) {
            Faces.show(e, "acceptForm", Map.of("statement", "statement"));
            return;
        }
        Faces.keepMessages();
        Faces.info("invitation.accepted");
        Faces.redirect("/me/registrations.xhtml");
    }

    public void decline(Long invitationId) {
        try {
            pool.decline(user.require(), invitationId);
            Faces.info("invitation.declined");
        } catch (Problem e) {
            Faces.show(e, "mine", Map.of());
        }
        invitations = null;
    }

    public String getAcceptStatement() { return acceptStatement; }
    public void setAcceptStatement(String acceptStatement) { this.acceptStatement = acceptStatement; }
}
