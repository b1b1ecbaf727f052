package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Departments of the office; handlers belong to one. */
@Path("departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepartmentsResource {

    @Inject
    Accounts accounts;

    @Inject
    Departments departments;

    @Inject
    CurrentUser user;

    public record DepartmentView(Long id, String name) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.getId(), d.getName());
        }
    }

    public record DepartmentRequest(String name) {}

    @GET
    public Page<DepartmentView> list() {
        user.require(Role.ORGANISER, Role.REVIEWER, Role.HANDLER, Role.ADMIN);
        List<DepartmentView> all = departments.departments().stream().map(DepartmentView::of).toList();
        return new Page<>(all, all.size());
    }

    @POST
    public Response create(DepartmentRequest request) {
        Long admin = user.require(Role.ADMIN);
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw Problem.invalid("name", "validation.required");
        }
        if (request.name().length() > 80) {
            throw Problem.invalid("name", "validation.size.max.n", 80);
        }
        return Response.status(201).entity(DepartmentView.of(departments.createDepartment(admin, request.name()))).build();
    }
}
