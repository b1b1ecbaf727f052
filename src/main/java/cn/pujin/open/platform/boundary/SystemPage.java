package cn.pujin.open.platform.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.CurrentUser;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.account.entity.Role;
import cn.pujin.open.checkin.control.Stations;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * {@code /admin/system.xhtml}: departments (handlers belong to one), every check-in station key across events,
 * and the configuration in effect with where each value comes from — secrets are never shown, only whether they
 * are set and whether they are still the public demo values.
 */
@Named
@RequestScoped
public class SystemPage {

    /** The settings of the README's configuration table. */
    static final List<String> SETTINGS = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DEMO_DATA", "PUBLIC_URL", "PII_KEY",
            "PASS_KEY_SECRET", "PRIVACY_NOTICE_VERSION", "PASSWORD_ITERATIONS", "CONFIG_DIR", "MAIL_HOST", "MAIL_PORT",
            "MAIL_USER", "MAIL_PASSWORD", "MAIL_FROM", "MAIL_STARTTLS", "MAIL_CLAIM_SECONDS", "OUTBOX_DIR", "REMINDER_INTERVAL_SECONDS",
            "RETENTION_MONTHS", "RETENTION_INTERVAL_HOURS", "LOGIN_MAX_FAILURES", "LOGIN_LOCK_MINUTES",
            "LOGIN_MAX_FAILURES_PER_ADDRESS", "SIGNUP_MAX_PER_ADDRESS", "TRUSTED_PROXIES", "CLOCK_CONTROL");
    static final Set<String> SECRETS = Set.of("DB_PASSWORD", "PII_KEY", "PASS_KEY_SECRET", "MAIL_PASSWORD");
    /** The built-in defaults shipped in the WAR; a secret still equal to its default is the public demo value. */
    static final java.util.Properties DEFAULTS = new java.util.Properties();

    static {
        try (var in = SystemPage.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            if (in != null) {
                DEFAULTS.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    Config config;

    @Inject
    Accounts accounts;

    @Inject
    Stations stations;

    @Inject
    CurrentUser user;

    private String departmentName;

    public record Setting(String name, String value, String source, boolean warning) {}

    public List<Setting> getSettings() {
        List<Setting> out = new ArrayList<>();
        for (String name : SETTINGS) {
            ConfigValue v = config.getConfigValue(name);
            String source = v.getSourceName() == null ? "" : v.getSourceName();
            boolean builtIn = v.getValue() != null && v.getValue().equals(DEFAULTS.getProperty(name));
            String shown;
            boolean warning = false;
            if (v.getValue() == null) {
                shown = Faces.text("system.unset");
            } else if (SECRETS.contains(name)) {
                warning = builtIn;
                shown = Faces.text(warning ? "system.secret.demo" : "system.secret.set");
            } else {
                shown = v.getValue().replaceAll("(?i)(password=)[^&;]*", "$1***");
            }
            out.add(new Setting(name, shown, source.isEmpty() ? "—" : source.replaceAll(".*/", ""), warning
                    || "CLOCK_CONTROL".equals(name) && "true".equals(v.getValue())));
        }
        return out;
    }

    public List<Stations.StationOverview> getStations() {
        return stations.overview(200);
    }

    public List<Department> getDepartments() {
        return accounts.departments();
    }

    public void createDepartment() {
        try {
            if (departmentName == null || departmentName.isBlank() || departmentName.strip().length() > 80) {
                throw Problem.invalid("name", "validation.length", 1, 80);
            }
            accounts.createDepartment(user.require(Role.ADMIN), departmentName.strip());
            Faces.info("system.department.created", departmentName.strip());
            departmentName = null;
        } catch (Problem e) {
            Faces.show(e, "departments", java.util.Map.of("name", "name"));
        } catch (RuntimeException duplicate) {
            Faces.error("system.department.duplicate");
        }
    }

    public String getDepartmentName() { return departmentName; }
    public void setDepartmentName(String departmentName) { this.departmentName = departmentName; }
}
