package dev.slipway.runtime.up;

import static org.awaitility.Awaitility.await;

import dev.slipway.runtime.cli.SlipwayCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code slipway up} in a JVM of its own, as a person runs it, for tests that stop it (SIGTERM, as
 * Ctrl-C) or kill it (SIGKILL) and start it again on the same data directory.
 */
final class UpProcess implements AutoCloseable {

    private static final String READY = "Press Ctrl-C to stop.";

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private UpProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "up-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static UpProcess start(Path data, Path config, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlipwayCli.class.getName(), "up", "--port", "0", "--data", data.toString(), "--config", config.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        // The launcher sets this; here the checkout is the module's parent directory.
        builder.environment().put("SLIPWAY_HOME", Path.of("").toAbsolutePath().getParent().toString());
        UpProcess up = new UpProcess(builder.start());
        try {
            await("slipway up to print its URLs").atMost(Duration.ofSeconds(90))
                    .until(() -> up.output.contains(READY) || !up.process.isAlive());
        } catch (RuntimeException e) {
            up.process.destroyForcibly(); // no caller holds it yet to close it: it must not outlive the test
            throw new IllegalStateException("slipway up did not get ready:\n" + up.output(), e);
        }
        if (!up.process.isAlive()) {
            throw new IllegalStateException("slipway up exited with " + up.process.exitValue() + ":\n" + up.output());
        }
        return up;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // The process was stopped or killed and its output closed: nothing more to read.
        }
    }

    /** The front's base URL, from the {@code webhooks} line it printed. */
    URI base() {
        String line = output.stream().filter(l -> l.trim().startsWith("webhooks")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no webhooks URL in:\n" + output()));
        String url = line.trim().split("\\s+")[1];
        return URI.create(url.substring(0, url.indexOf("/webhooks/") + 1));
    }

    /** A URL it printed, by its label ({@code step functions}, {@code webhooks}, ...). */
    String url(String label) {
        return output.stream().map(String::trim).filter(l -> l.startsWith(label + " ")).findFirst()
                .map(l -> l.substring(label.length()).trim().split("\\s+")[0])
                .orElseThrow(() -> new IllegalStateException("no " + label + " URL in:\n" + output()));
    }

    String output() {
        return String.join("\n", output);
    }

    /** Ctrl-C: SIGTERM, then the JVM's shutdown hook stops every part. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("slipway up did not stop within 60 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops it as a person would, so that it cleans up the stages it runs; a kill -9 here would leave
     * them to the next start, and a test has none.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
