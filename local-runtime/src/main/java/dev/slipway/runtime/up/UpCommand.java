package dev.slipway.runtime.up;

import dev.slipway.runtime.cli.Command;
import dev.slipway.runtime.cli.Console;
import dev.slipway.runtime.config.UpConfig;
import dev.slipway.runtime.config.UpConfigInvalidException;
import dev.slipway.runtime.config.UpConfigLoader;
import dev.slipway.runtime.embedded.EmbeddedServiceFailedException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code slipway up [--port N] [--data DIR] [--config FILE]}: starts the whole system in this JVM
 * ({@link SlipwayUp}), prints the URLs it serves, and runs until Ctrl-C (SIGINT/SIGTERM), when a
 * shutdown hook stops every part cleanly.
 */
public final class UpCommand implements Command {

    private final Map<String, String> env;
    private final Runnable awaitShutdown;

    /** As the CLI runs it: the process environment, and it blocks until the JVM is asked to stop. */
    public UpCommand() {
        this(System.getenv(), UpCommand::blockForever);
    }

    /** @param awaitShutdown returns when the command should stop (tests return at once) */
    public UpCommand(Map<String, String> env, Runnable awaitShutdown) {
        this.env = env;
        this.awaitShutdown = awaitShutdown;
    }

    @Override
    public String name() {
        return "up";
    }

    @Override
    public String summary() {
        return "run Slipway on this machine: webhooks, Slack, engine, build pages";
    }

    @Override
    public String usage() {
        return """
                usage: slipway up [--port N] [--data DIR] [--config FILE]

                Starts Slipway in one process: the HTTP front (webhooks, Slack, JSON API, build pages),
                the Step Functions engine, DynamoDB Local and ElasticMQ, and the build queue consumer.
                Stop it with Ctrl-C; everything is kept under the data directory.

                  --port N       the HTTP port (default 8080; 0 picks a free one)
                  --data DIR     where records live (default .slipway)
                  --config FILE  a YAML file: port, engine_port, data_dir, webhook_secret,
                                 slack.{signing_secret,bot_token,api_url}, repositories (name: path or URL),
                                 max_concurrent_builds (0: no limit)

                Environment (overrides the file): SLIPWAY_WEBHOOK_SECRET, SLIPWAY_SLACK_SIGNING_SECRET,
                SLIPWAY_SLACK_BOT_TOKEN, SLIPWAY_SLACK_API_URL, SLIPWAY_DATA_DIR, SLIPWAY_PORT,
                SLIPWAY_ENGINE_PORT, SLIPWAY_REPOSITORIES (acme/api=/src/api,...), SLIPWAY_MAX_CONCURRENT_BUILDS
                """;
    }

    @Override
    public int run(List<String> args, Console console) {
        UpConfig config;
        try {
            config = parse(args, console.workingDirectory());
        } catch (UpConfigInvalidException | IllegalArgumentException e) {
            console.err().println("slipway up: " + e.getMessage());
            return USAGE;
        }
        long started = System.nanoTime();
        SlipwayUp up;
        try {
            up = SlipwayUp.start(config, env, console.workingDirectory(), console.out());
        } catch (EmbeddedServiceFailedException | IOException e) {
            console.err().println("slipway up: " + e.getMessage());
            return FAILED;
        }
        Thread stopper = new Thread(up::close, "slipway-up-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        printUrls(up, config, console, java.time.Duration.ofNanos(System.nanoTime() - started));
        awaitShutdown.run();
        Runtime.getRuntime().removeShutdownHook(stopper);
        up.close();
        return OK;
    }

    private UpConfig parse(List<String> args, Path workingDirectory) {
        Integer port = null;
        Path data = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("'" + arg + "' needs a value or is unknown; see slipway up --help");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--port" -> port = port(value);
                case "--data" -> data = Path.of(value);
                case "--config" -> file = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see slipway up --help");
            }
        }
        return UpConfigLoader.load(workingDirectory, Optional.ofNullable(file), env, new UpConfigLoader.Overrides(port, data));
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("--port takes a number from 0 to 65535 (0 picks a free one), not '" + value + "'");
    }

    private static void printUrls(SlipwayUp up, UpConfig config, Console console, java.time.Duration took) {
        Map<String, URI> urls = up.urls();
        console.out().printf("Slipway is up in %.1f s (data: %s)%n", took.toMillis() / 1000.0, config.dataDir());
        console.out().println("  webhooks       " + urls.get("webhooks") + "  (also /webhooks/gitlab, /webhooks/gitea)"
                + (config.webhookSecret().isEmpty() ? "  [no SLIPWAY_WEBHOOK_SECRET: deliveries are refused]" : ""));
        console.out().println("  slack          " + urls.get("slack")
                + (config.slackSigningSecret().isEmpty() ? "  [not configured]" : ""));
        console.out().println("  builds API     " + urls.get("api") + "/{id}   " + urls.get("api") + "?repo=owner/name");
        console.out().println("  build pages    " + urls.get("pages") + "{id}");
        console.out().println("  step functions " + urls.get("stepfunctions") + "  (aws stepfunctions --endpoint-url ...)");
        console.out().println("  dynamodb       " + urls.get("dynamodb") + "  (the records: builds, deployments, approvals)");
        console.out().println("  repositories   " + (config.repositories().isEmpty() ? "(none mapped: builds clone from"
                + " the URL in the webhook)" : config.repositories()));
        console.out().println("  builds at once " + (config.maxConcurrentBuilds() == UpConfig.UNLIMITED ? "no limit"
                : config.maxConcurrentBuilds() + " (the rest wait on the queue)"));
        console.out().println("Press Ctrl-C to stop.");
        console.out().flush();
    }

    private static void blockForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
