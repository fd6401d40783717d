package dev.slipway.bench.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference the pipeline is compared with: the docker CLI running the same image by hand.
 * Every container carries the bench label and is removed ({@code --rm}, then by label at the end).
 */
final class PlainDocker {

    static final String LABEL = "dev.slipway.bench=plain-run";
    static final String IMAGE = "slipway/busybox:1";

    private PlainDocker() {
    }

    /** {@code docker run --rm IMAGE true}: milliseconds until it exited 0. */
    static double runTrue() throws IOException, InterruptedException {
        long start = System.nanoTime();
        run(List.of("docker", "run", "--rm", "--label", LABEL, IMAGE, "true"));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds from {@code docker run} to the first line the container prints: the container's own start. */
    static double firstLine() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("docker", "run", "--rm", "--label", LABEL, IMAGE, "echo", "first line")
                .redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            double millis = (System.nanoTime() - start) / 1e6;
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !"first line".equals(line)) {
                throw new IOException("docker run " + IMAGE + " echo failed: " + line);
            }
            return millis;
        }
    }

    /** Removes any bench container left behind (one killed mid-run); never anything else. */
    static void removeLeftovers() throws IOException, InterruptedException {
        String ids = output(List.of("docker", "ps", "-aq", "--filter", "label=" + LABEL));
        if (!ids.isBlank()) {
            List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
            rm.addAll(List.of(ids.trim().split("\\s+")));
            run(rm);
        }
    }

    /** Removes the containers a build of {@code slipway up} left, by its build label. */
    static void removeBuildContainers(String buildId) throws IOException, InterruptedException {
        String ids = output(List.of("docker", "ps", "-aq", "--filter", "label=dev.slipway.build=" + buildId));
        if (!ids.isBlank()) {
            List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
            rm.addAll(List.of(ids.trim().split("\\s+")));
            run(rm);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        output(command);
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + (process.isAlive() ? "late" : process.exitValue())
                    + ": " + out.strip());
        }
        return out;
    }
}
