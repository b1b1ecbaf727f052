package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** {@code /admin/system.xhtml}, its departments part: the departments handlers belong to, and a new one. */
@Named
@RequestScoped
public class DepartmentsPage {

    @Inject
    Accounts accounts;

    @Inject
    Departments departments;

    @Inject
    CurrentUser user;

    private String departmentName;

    public List<Department> getDepartments() {
        return departments.departments();
    }

    public void createDepartment() {
        try {
            if (departmentName == null || departmentName.isBlank() || departmentName.strip().length() > 80) {
                throw Problem.invalid("name", "validation.length", 1, 80);
            }
            departments.createDepartment(user.require(Role.ADMIN), departmentName.strip());
            Faces.info("system.department.created", departmentName.strip());
            departmentName = null;
        } catch (Problem e) {
            Faces.show(e, "departments", Map.of("name", "name"));
        } catch (RuntimeException duplicate) {
            Faces.error("system.department.duplicate");
        }
    }

    public String getDepartmentName() { return departmentName; }
    public void setDepartmentName(String departmentName) { this.departmentName = departmentName; }
}
