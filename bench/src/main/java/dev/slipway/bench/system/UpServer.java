package dev.slipway.bench.system;

import dev.slipway.runtime.cli.SlipwayCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code slipway up} in its own JVM, as a user starts it: a config file mapping
 * {@code acme/api} to a local repository, the webhook secret and any other settings from the
 * environment. Stopped with SIGTERM, so it stops its containers as on Ctrl-C.
 */
final class UpServer implements AutoCloseable {

    static final String SECRET = "bench-webhook-secret";
    private static final String READY = "Press Ctrl-C to stop.";

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Path data;

    private UpServer(Process process, Path data) {
        this.process = process;
        this.data = data;
        Thread reader = new Thread(this::read, "slipway-up-output");
        reader.setDaemon(true);
        reader.start();
    }

    static UpServer start(Path dir, Path repository, Path checkout, Map<String, String> env)
            throws IOException, InterruptedException {
        Path config = dir.resolve("slipway-up.yml");
        Files.writeString(config, "engine_port: 0\nrepositories:\n  acme/api: " + repository.toAbsolutePath() + "\n");
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlipwayCli.class.getName(), "up", "--port", "0", "--data", data.toString(), "--config", config.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("SLIPWAY_WEBHOOK_SECRET", SECRET);
        builder.environment().put("SLIPWAY_HOME", checkout.toString());
        UpServer up = new UpServer(builder.start(), data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!up.output.contains(READY)) {
            if (!up.process.isAlive() || System.nanoTime() > deadline) {
                up.close();
                throw new IllegalStateException("slipway up did not start:\n" + String.join("\n", up.output));
            }
            Thread.sleep(50);
        }
        return up;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // The process stopped and its output closed: nothing more to read.
        }
    }

    /** The front's base URL, from the {@code webhooks} line it printed. */
    URI base() {
        String line = output.stream().filter(l -> l.trim().startsWith("webhooks")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no webhooks URL in:\n" + String.join("\n", output)));
        String url = line.trim().split("\\s+")[1];
        return URI.create(url.substring(0, url.indexOf("/webhooks/") + 1));
    }

    /** Where stage tasks' logs are written: {@code <build>/<stage>/<task>.log}. */
    Path logs() {
        return data.resolve("logs");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
