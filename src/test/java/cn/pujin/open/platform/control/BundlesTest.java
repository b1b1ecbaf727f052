package cn.pujin.open.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text exists in Chinese and English, and every key a page or class uses exists. */
class BundlesTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : new String[]{"/i18n/messages", "/ValidationMessages"}) {
            Set<String> zh = new TreeSet<>(load(bundle + ".properties").stringPropertyNames());
            Set<String> en = new TreeSet<>(load(bundle + "_en.properties").stringPropertyNames());
            Set<String> missingEn = new TreeSet<>(zh);
            missingEn.removeAll(en);
            Set<String> missingZh = new TreeSet<>(en);
            missingZh.removeAll(zh);
            assertEquals(Set.of(), missingEn, bundle + ": keys without English");
            assertEquals(Set.of(), missingZh, bundle + ": keys without Chinese");
        }
    }

    @Test
    void everyLiteralKeyUsedInPagesExists() throws IOException {
        Properties zh = load("/i18n/messages.properties");
        Pattern use = Pattern.compile("msg\\['([a-zA-Z0-9.]+)'\\]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = use.matcher(Files.readString(page));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".") && !zh.containsKey(key)) {
                        missing.add(page + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyKeyUsedInJavaExists() throws IOException {
        Properties messages = load("/i18n/messages.properties");
        Properties validation = load("/ValidationMessages.properties");
        Pattern use = Pattern.compile("\"((?:problem|event|account|validation|editor|review|signup|login|admin|audit)\\.[a-zA-Z0-9.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    // audit action codes are shown through their "audit." label
                    if (!messages.containsKey(key) && !validation.containsKey(key) && !messages.containsKey("audit." + key)
                            && !key.endsWith(".")) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void chineseIsTheDefaultEvenOnAnEnglishServer() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            assertEquals("未找到该记录", Messages.get(java.util.Locale.SIMPLIFIED_CHINESE, "problem.notFound"));
            assertEquals("No such record", Messages.get(java.util.Locale.ENGLISH, "problem.notFound"));
            assertTrue(Messages.validation(java.util.Locale.CHINA, "validation.range", 1, 100).contains("1 到 100"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
