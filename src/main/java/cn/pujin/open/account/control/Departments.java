package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Departments (部门): handlers belong to one, and citizen input is assigned to one. */
@ApplicationScoped
public class Departments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    public List<Department> departments() {
        return em.createQuery("select d from Department d order by d.name", Department.class).getResultList();
    }

    @Transactional
    public Department createDepartment(Long adminId, String name) {
        Department department = new Department(name.strip());
        em.persist(department);
        em.flush();
        audit.record(adminId, "department", department.getId(), "department.create", null, name, null);
        return department;
    }

    public Optional<Department> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Department.class, id));
    }

    /** The handlers of a department: whom its work is sent to. */
    public List<Account> handlers(Long departmentId) {
        return em.createQuery("select a from Account a join a.roles r where r = :role and a.departmentId = :d", Account.class)
                .setParameter("role", Role.HANDLER).setParameter("d", departmentId).getResultList();
    }
}
