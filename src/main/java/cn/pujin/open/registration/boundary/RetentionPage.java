package cn.pujin.open.registration.boundary;

import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.AuditEntry;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.Retention;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code /admin/retention.xhtml}: what retention will anonymise, running it now, and what it anonymised before. */
@Named
@RequestScoped
public class RetentionPage {

    @Inject
    Retention retention;

    @Inject
    Audit audit;

    @Inject
    CurrentUser user;

    private List<Retention.Due> due;

    public List<Retention.Due> getDue() {
        if (due == null) {
            due = retention.preview();
        }
        return due;
    }

    public long getDueRegistrations() {
        return getDue().stream().mapToLong(Retention.Due::registrations).sum();
    }

    public int getMonths() {
        return retention.months();
    }

    public OffsetDateTime getCutoff() {
        return Times.local(retention.cutoff());
    }

    public List<AuditEntry> getHistory() {
        return audit.search(new Audit.Filter("retention", null, null, null, null, null), new Paging(0, 50)).items();
    }

    public void run() {
        Retention.Run r = retention.run(user.require(Role.ADMIN));
        Faces.info("retention.done", r.registrations(), r.events());
        due = null;
    }
}
