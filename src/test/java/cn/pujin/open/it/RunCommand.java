package cn.pujin.open.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * README's first command, {@code mvn -Prun}, as pom.xml defines it: its {@code java} arguments are read from the run
 * profile, so a test or benchmark starts what a person starts (JVM options, boot files, no data grid) — only on another
 * port, with Payara's runtime directory under target/.
 */
public final class RunCommand {

    private RunCommand() {}

    /** The run profile's {@code java} arguments, with the build directory and WAR name filled in. */
    public static List<String> arguments() {
        try {
            var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
            NodeList executions = pom.getElementsByTagName("execution");
            for (int i = 0; i < executions.getLength(); i++) {
                Element execution = (Element) executions.item(i);
                if ("run-payara-micro".equals(text(execution, "id"))) {
                    NodeList arguments = execution.getElementsByTagName("argument");
                    List<String> result = new ArrayList<>();
                    for (int a = 0; a < arguments.getLength(); a++) {
                        result.add(arguments.item(a).getTextContent().strip()
                                .replace("${project.build.directory}", Path.of("target").toAbsolutePath().toString())
                                .replace("${project.build.finalName}", "pujin-open"));
                    }
                    return result;
                }
            }
            throw new IllegalStateException("pom.xml has no run-payara-micro execution");
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read the run command from pom.xml", e);
        }
    }

    /** The HTTP port the run command listens on. */
    public static int port() {
        List<String> arguments = arguments();
        return Integer.parseInt(arguments.get(arguments.indexOf("--port") + 1));
    }

    /** Starts the run command on {@code port} instead of its own, with the given environment. */
    public static Process start(int port, Map<String, String> env, String name) throws IOException {
        List<String> arguments = new ArrayList<>(arguments());
        arguments.set(arguments.indexOf("--port") + 1, String.valueOf(port));
        int jar = arguments.indexOf("-jar");
        return TestApp.start(arguments.subList(0, jar), arguments.subList(jar, arguments.size()), env, name);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
