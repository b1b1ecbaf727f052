package cn.pujin.open.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
        // a field path of a request ("event.kind" of a series) is no message key: the first argument of invalid(...) or
        // the key of a field-to-component map
        Pattern fieldPath = Pattern.compile("(?:invalid\\(|\\.put\\()\\s*$");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher m = use.matcher(text);
                while (m.find()) {
                    String key = m.group(1);
                    if (fieldPath.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()) {
                        continue;
                    }
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
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("未找到该记录", Messages.get(Locale.SIMPLIFIED_CHINESE, "problem.notFound"));
            assertEquals("No such record", Messages.get(Locale.ENGLISH, "problem.notFound"));
            assertTrue(Messages.validation(Locale.CHINA, "validation.range", 1, 100).contains("1 到 100"));
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Every problem code has its message in Chinese and in English, and a status a client can act on. */
    @Test
    void everyProblemCodeHasItsMessageInBothLanguages() throws IOException {
        Properties zh = load("/i18n/messages.properties");
        Properties en = load("/i18n/messages_en.properties");
        Properties zhValidation = load("/ValidationMessages.properties");
        Properties enValidation = load("/ValidationMessages_en.properties");
        Set<String> missing = new TreeSet<>();
        for (ProblemCode code : ProblemCode.values()) {
            String key = code.messageKey();
            if (!zh.containsKey(key) && !zhValidation.containsKey(key)) {
                missing.add(code + ": zh " + key);
            }
            if (!en.containsKey(key) && !enValidation.containsKey(key)) {
                missing.add(code + ": en " + key);
            }
            assertTrue(code.status() >= 400 && code.status() <= 599, code + " " + code.status());
        }
        assertEquals(Set.of(), missing);
    }

    /**
     * Text people read is in the bundles: no Chinese in the string literals of the Java code (comments aside), but for
     * the demo data, which is sample content in the office's language.
     */
    @Test
    void noChineseTextInTheJavaCodeOutsideTheDemoData() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        Pattern chinese = Pattern.compile("[\\x{4e00}-\\x{9fff}]");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/demo/")).toList()) {
                String code = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)//.*$", "");
                Matcher m = literal.matcher(code);
                while (m.find()) {
                    if (chinese.matcher(m.group()).find()) {
                        found.add(source.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(Set.of(), found);
    }
}
