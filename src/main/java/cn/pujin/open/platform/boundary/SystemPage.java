package cn.pujin.open.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * {@code /admin/system.xhtml}, its configuration part: the configuration in effect with where each value comes from — secrets are never shown, only whether they
 * are set and whether they are still the public demo values.
 */
@Named
@RequestScoped
public class SystemPage {

    /** The settings of the README's configuration table. */
    static final List<String> SETTINGS = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DEMO_DATA", "PUBLIC_URL", "PII_KEY",
            "PASS_KEY_SECRET", "PRIVACY_NOTICE_VERSION", "PASSWORD_ITERATIONS", "CONFIG_DIR", "MAIL_HOST", "MAIL_PORT",
            "MAIL_USER", "MAIL_PASSWORD", "MAIL_FROM", "MAIL_STARTTLS", "MAIL_CLAIM_SECONDS", "OUTBOX_DIR", "REMINDER_INTERVAL_SECONDS",
            "RETENTION_MONTHS", "RETENTION_INTERVAL_HOURS", "LOGIN_MAX_FAILURES", "LOGIN_LOCK_MINUTES", "LOGIN_LOCK_ADDRESSES",
            "LOGIN_MAX_FAILURES_PER_ADDRESS", "SIGNUP_MAX_PER_ADDRESS", "TRUSTED_PROXIES", "CLUSTER_MEMBERS", "CLUSTER_INTERFACE",
            "CLUSTER_SECRET", "CLOCK_CONTROL");
    static final Set<String> SECRETS = Set.of("DB_PASSWORD", "PII_KEY", "PASS_KEY_SECRET", "MAIL_PASSWORD", "CLUSTER_SECRET");
    /** The built-in defaults shipped in the WAR; a secret still equal to its default is the public demo value. */
    static final Properties DEFAULTS = new Properties();

    static {
        try (var in = SystemPage.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            if (in != null) {
                DEFAULTS.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    Config config;

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

}
