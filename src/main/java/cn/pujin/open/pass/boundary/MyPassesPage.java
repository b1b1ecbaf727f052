package cn.pujin.open.pass.boundary;

import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code /me/passes.xhtml}: my passes as QR codes (full screen at the door), printable PDFs, re-issue. */
@Named
@ViewScoped
public class MyPassesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Passes passes;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    CurrentUser user;

    private transient List<Passes.PassView> items;

    /** Passes of events not yet over, soonest first. */
    public List<Passes.PassView> getItems() {
        if (items == null) {
            Long me = user.require();
            OffsetDateTime now = OffsetDateTime.now();
            List<Passes.PassView> found = new ArrayList<>();
            for (Registration r : registrationQueries.mine(me)) {
                if (r.getStatus() == RegistrationStatus.CONFIRMED) {
                    Passes.PassView view = passes.view(passes.current(r.getId(), me, false));
                    if (view.endsAt().isAfter(now)) {
                        found.add(view);
                    }
                }
            }
            found.sort(Comparator.comparing(Passes.PassView::startsAt));
            items = found;
        }
        return items;
    }

    public void reissue(Long registrationId) {
        try {
            passes.reissue(user.require(), registrationId, false);
            items = null;
            Faces.info("pass.reissued");
        } catch (Problem p) {
            Faces.show(p, "passes", Map.of());
        }
    }
}
