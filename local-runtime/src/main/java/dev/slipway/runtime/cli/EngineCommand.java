package dev.slipway.runtime.cli;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.api.SfnHttpServer;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.history.FileEngineStore;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code slipway engine [--port N] [--data DIR] [--host H]}: runs the Step Functions engine alone and
 * prints its URL. Executions are recorded under DIR and continue after a restart. Point the AWS CLI or
 * an SDK at the URL ({@code aws stepfunctions --endpoint-url URL ...}).
 */
public final class EngineCommand implements AutoCloseable {
    public static final int DEFAULT_PORT = 8083;
    private final FileEngineStore store;
    private final TimerDelayScheduler timer;
    private final ForkJoinPool pool;
    private final SfnHttpServer server;
    private final Engine engine;

    private EngineCommand(Options options, TaskIntegrations integrations) throws IOException {
        store = new FileEngineStore(options.data());
        pool = new ForkJoinPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        timer = new TimerDelayScheduler(pool);
        integrations.register(new LambdaIntegration(ForkJoinPool.commonPool()));
        engine = new Engine(store, integrations, pool, timer, Clock.systemUTC());
        server = SfnHttpServer.start(engine, options.host(), options.port());
    }

    /** Parsed command line. */
    public record Options(String host, int port, Path data) {
        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = DEFAULT_PORT;
            Path data = Path.of(".slipway", "engine");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length && (arg.equals("--port") || arg.equals("--data") || arg.equals("--host"))) {
                    throw new IllegalArgumentException(arg + " needs a value, e.g. " + arg + " " + example(arg));
                }
                switch (arg) {
                    case "--port" -> port = port(args[++i]);
                    case "--data" -> data = Path.of(args[++i]);
                    case "--host" -> host = args[++i];
                    default -> throw new IllegalArgumentException("Unknown option '" + arg
                            + "'. Usage: slipway engine [--port N] [--data DIR] [--host H]");
                }
            }
            return new Options(host, port, data);
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port takes a number from 0 to 65535 (0 picks a free port), not '" + text + "'");
            }
        }

        private static String example(String option) {
            return switch (option) {
                case "--port" -> "8083";
                case "--data" -> ".slipway/engine";
                default -> "127.0.0.1";
            };
        }
    }

    /** Starts the engine; the caller owns it. {@code integrations} may carry e.g. an ECS port. */
    public static EngineCommand start(String[] args, TaskIntegrations integrations, PrintStream out) throws IOException {
        Options options = Options.parse(args);
        EngineCommand command = new EngineCommand(options, integrations);
        out.println("Slipway Step Functions engine listening on " + command.server.endpoint()
                + " (data: " + options.data().toAbsolutePath() + ")");
        out.flush();
        return command;
    }

    public static void main(String[] args) throws Exception {
        EngineCommand command;
        try {
            command = start(args, new TaskIntegrations(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("slipway engine: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(command::close, "slipway-engine-shutdown"));
        Thread.currentThread().join();
    }

    public Engine engine() {
        return engine;
    }

    public java.net.URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
        timer.close();
        pool.shutdownNow();
        store.close();
    }
}
