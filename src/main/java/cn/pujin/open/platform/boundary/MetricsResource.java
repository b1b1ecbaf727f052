package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * {@code GET /metrics}: the JVM's figures in Prometheus' text format, for admins only (HTTP Basic, as a scraper signs
 * in). Payara's public {@code /metrics} is switched off (config/payara/post-boot-commands.asadmin): it told anyone the
 * pools, threads and request counts of the server.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    CurrentUser user;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics() {
        user.require(Role.ADMIN);
        StringBuilder out = new StringBuilder(2048);
        var memory = ManagementFactory.getMemoryMXBean();
        gauge(out, "jvm_memory_used_bytes", "Memory in use", "area=\"heap\"", memory.getHeapMemoryUsage().getUsed());
        gauge(out, "jvm_memory_used_bytes", null, "area=\"nonheap\"", memory.getNonHeapMemoryUsage().getUsed());
        MemoryUsage heap = memory.getHeapMemoryUsage();
        gauge(out, "jvm_memory_max_bytes", "Most memory the area may use", "area=\"heap\"", heap.getMax());
        var threads = ManagementFactory.getThreadMXBean();
        gauge(out, "jvm_threads_live", "Live threads", null, threads.getThreadCount());
        gauge(out, "jvm_threads_peak", "Most live threads since start", null, threads.getPeakThreadCount());
        boolean first = true;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String label = "gc=\"" + gc.getName().replace("\"", "'") + "\"";
            counter(out, "jvm_gc_collections_total", first ? "Collections since start" : null, label, gc.getCollectionCount());
            counter(out, "jvm_gc_time_seconds_total", first ? "Time spent collecting" : null, label, gc.getCollectionTime() / 1000.0);
            first = false;
        }
        gauge(out, "jvm_classes_loaded", "Classes loaded now", null, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            counter(out, "process_cpu_seconds_total", "CPU time of the process", null, os.getProcessCpuTime() / 1e9);
            gauge(out, "process_open_fds", "Open file descriptors", null, os instanceof UnixOperatingSystemMXBean unix
                    ? unix.getOpenFileDescriptorCount() : -1);
        }
        gauge(out, "system_load_average_1m", "Load average of the machine", null,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        gauge(out, "process_uptime_seconds", "Time since the JVM started", null, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, String labels, double value) {
        line(out, name, "gauge", help, labels, value);
    }

    private static void counter(StringBuilder out, String name, String help, String labels, double value) {
        line(out, name, "counter", help, labels, value);
    }

    private static void line(StringBuilder out, String name, String type, String help, String labels, double value) {
        if (help != null) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
        out.append(name);
        if (labels != null) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(String.format(Locale.ROOT, "%s", value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.valueOf(value))).append('\n');
    }
}
