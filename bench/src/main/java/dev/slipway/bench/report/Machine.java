package dev.slipway.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where and when the figures were taken: they mean little without the machine, its load when the
 * run started (other work on a shared machine moves every figure) and the commit measured.
 */
public record Machine(int cores, long memoryBytes, String cpuModel, String loadAverage, String javaVersion,
        Instant date, String commit) {

    public static Machine current(Path checkout) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), readCpuModel(),
                readLoadAverage(), System.getProperty("java.vm.name") + " " + Runtime.version(), Instant.now(),
                commit(checkout));
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    private static String readLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The commit checked out, with {@code +changes} when the working tree differs from it. */
    private static String commit(Path checkout) {
        try {
            String head = run(checkout, "git", "rev-parse", "--short=12", "HEAD");
            return run(checkout, "git", "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+changes";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
