package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.control.LoginGuard;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** {@code /admin/accounts.xhtml}: find accounts and grant roles and departments. */
@Named
@ViewScoped
public class AccountAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    Departments departments;

    @Inject
    CurrentUser user;

    private String query = "";
    private Long editId;
    private String editName;
    private List<Role> editRoles;
    private Long editDepartment;

    private final LazyDataModel<Account> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) accounts.count(query);
        }

        @Override
        public List<Account> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return accounts.search(query, first, Math.min(pageSize, 100));
        }

        @Override
        public String getRowKey(Account account) {
            return String.valueOf(account.getId());
        }
    };

    @Inject
    LoginGuard guard;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Until when the account is locked after failed sign-ins (time of day), or null. */
    public String lockedUntil(Account account) {
        return accounts.lockedUntil(account).map(t -> TIME.format(t.atZone(Clocks.ZONE))).orElse(null);
    }

    public void unlock(Account account) {
        guard.unlock(user.require(Role.ADMIN), account.getId());
        Faces.info("admin.unlocked", account.getDisplayName());
    }

    public void edit(Account account) {
        editId = account.getId();
        editName = account.getDisplayName();
        editRoles = account.roles().stream().sorted().toList();
        editDepartment = account.getDepartmentId();
    }

    public void save() {
        Long admin = user.require(Role.ADMIN);
        try {
            accounts.grant(admin, editId, editRoles == null || editRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(editRoles));
            accounts.assignDepartment(admin, editId, editDepartment);
            Faces.info("admin.saved");
            PrimeFaces.current().executeScript("PF('rolesDialog').hide()");
        } catch (RuntimeException e) {
            Faces.show(e, "rolesForm", Map.of());
        }
    }

    public String department(Long id) {
        if (id == null) {
            return "";
        }
        return departments.departments().stream().filter(d -> d.getId().equals(id)).map(Department::getName).findFirst().orElse("");
    }

    public List<Department> getDepartments() { return departments.departments(); }
    public Role[] getRoles() { return Role.values(); }
    public LazyDataModel<Account> getModel() { return model; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query == null ? "" : query.strip(); }
    public String getEditName() { return editName; }
    public List<Role> getEditRoles() { return editRoles; }
    public void setEditRoles(List<Role> editRoles) { this.editRoles = editRoles; }
    public Long getEditDepartment() { return editDepartment; }
    public void setEditDepartment(Long editDepartment) { this.editDepartment = editDepartment; }
}
