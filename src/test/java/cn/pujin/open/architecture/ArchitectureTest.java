package cn.pujin.open.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house rules, read from the compiled classes (ArchUnit) and the sources: features depend on each other without
 * cycles, {@code platform} on none of them, a feature's code queries only its own tables, no control class is longer
 * than 400 lines, and every feature opens with a package-info.
 */
class ArchitectureTest {

    static final String ROOT = "cn.pujin.open";
    static final Path SOURCES = Path.of("src/main/java/cn/pujin/open");
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    static List<String> features() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformDependsOnNoFeature() throws IOException {
        String[] features = features().stream().filter(f -> !f.equals("platform")).map(f -> ROOT + "." + f + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(ROOT + ".platform..").should().dependOnClassesThat().resideInAnyPackage(features)
                .check(classes);
    }

    /**
     * Entity names and table names, by the feature that owns them: its entities, and the tables its package-info lists
     * (those only written by SQL, like login_failure).
     */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        Pattern listed = Pattern.compile("Tables: ([a-z_, ]+)");
        for (String feature : features()) {
            Path info = SOURCES.resolve(feature).resolve("package-info.java");
            if (Files.exists(info)) {
                Matcher m = listed.matcher(Files.readString(info));
                if (m.find()) {
                    for (String t : m.group(1).split(",")) {
                        if (t.strip().matches("[a-z_]+")) {
                            owner.put(t.strip(), feature);
                        }
                    }
                }
            }
        }
        Pattern table = Pattern.compile("@(?:Table|CollectionTable)\\(name\\s*=\\s*\"(\\w+)\"");
        for (String feature : features()) {
            Path entities = SOURCES.resolve(feature).resolve("entity");
            if (!Files.isDirectory(entities)) {
                continue;
            }
            try (Stream<Path> files = Files.list(entities)) {
                for (Path f : files.toList()) {
                    String source = Files.readString(f);
                    if (source.contains("@Entity")) {
                        owner.put(f.getFileName().toString().replace(".java", ""), feature);
                    }
                    Matcher m = table.matcher(source);
                    while (m.find()) {
                        owner.put(m.group(1), feature);
                    }
                }
            }
        }
        return owner;
    }

    /**
     * A feature asks another one, never its tables: no query written in a feature's code (JPQL or SQL, in string
     * literals and text blocks) names an entity or table of another feature after FROM, JOIN, UPDATE, INTO or a comma.
     */
    @Test
    void aFeatureQueriesOnlyItsOwnTables() throws IOException {
        Map<String, String> owner = owners();
        assertTrue(owner.size() > 20, "entities and tables found: " + owner);
        Pattern literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
        Pattern named = Pattern.compile("(?i)(?:\\bfrom|\\bjoin|\\bupdate|\\binto|,)\\s+(\\w+)");
        Set<String> wrong = new TreeSet<>();
        for (String feature : features()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(feature))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher lit = literal.matcher(Files.readString(f));
                    while (lit.find()) {
                        String text = lit.group(1) != null ? lit.group(1) : lit.group(2);
                        if (!text.matches("(?is).*\\b(select|update|delete|insert)\\b.*")) {
                            continue;
                        }
                        Matcher m = named.matcher(text);
                        while (m.find()) {
                            String other = owner.get(m.group(1));
                            if (other != null && !other.equals(feature)) {
                                wrong.add(feature + "/" + SOURCES.resolve(feature).relativize(f) + " queries " + m.group(1) + " of " + other);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), wrong);
    }

    @Test
    void noControlClassIsLongerThan400Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.getParent().getFileName().toString().equals("control")).toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > 400) {
                    long_.add(SOURCES.relativize(f) + ": " + lines);
                }
            }
        }
        assertEquals(List.of(), long_);
    }

    @Test
    void everyFeatureSaysWhatItDoesOwnsFiresAndObserves() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String feature : features()) {
            Path info = SOURCES.resolve(feature).resolve("package-info.java");
            if (!Files.exists(info)) {
                missing.add(feature + ": no package-info.java");
                continue;
            }
            String text = Files.readString(info);
            for (String part : List.of("Tables:", "Fires:", "Observes:")) {
                if (!text.contains(part)) {
                    missing.add(feature + ": package-info says nothing under " + part);
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
