package cn.pujin.open.platform.control;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code config/settings.properties} (or {@code $CONFIG_DIR/settings.properties}): the office's own
 * settings, above the built-in defaults and below environment variables, so an operator can override
 * any line with a variable of the same name.
 */
public class SettingsConfigSource implements ConfigSource {

    private final Map<String, String> values = new HashMap<>();

    public SettingsConfigSource() {
        Path file = configDir().resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(in);
                p.forEach((k, v) -> values.put(k.toString(), v.toString()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
    }

    public static Path configDir() {
        String dir = System.getenv("CONFIG_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("CONFIG_DIR", "config");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "settings.properties";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
