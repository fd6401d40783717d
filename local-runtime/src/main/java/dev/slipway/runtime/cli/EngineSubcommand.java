package dev.slipway.runtime.cli;

import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code slipway engine}: the {@link EngineCommand} engine as a CLI subcommand. It runs until the JVM
 * is asked to stop (Ctrl-C), when a shutdown hook closes the engine so its history files are forced
 * to disk.
 */
public final class EngineSubcommand implements Command {

    private final Runnable awaitShutdown;

    public EngineSubcommand() {
        this(EngineSubcommand::blockForever);
    }

    /** @param awaitShutdown returns when the engine should stop (tests return at once) */
    EngineSubcommand(Runnable awaitShutdown) {
        this.awaitShutdown = awaitShutdown;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public String summary() {
        return "run the Step Functions engine alone (the AWS CLI and SDKs talk to it)";
    }

    @Override
    public String usage() {
        return """
                usage: slipway engine [--port N] [--data DIR] [--host H]

                Runs Slipway's Step Functions engine with its AWS JSON API and prints its URL:
                  aws stepfunctions --endpoint-url URL list-state-machines
                Executions are recorded under DIR and continue after a restart.

                  --port N    the port (default %d; 0 picks a free one)
                  --data DIR  where state machines and execution histories live (default .slipway/engine)
                  --host H    the address to listen on (default 127.0.0.1)
                """.formatted(EngineCommand.DEFAULT_PORT);
    }

    @Override
    public int run(List<String> args, Console console) {
        EngineCommand engine;
        try {
            engine = EngineCommand.start(args.toArray(String[]::new), new TaskIntegrations(), console.out());
        } catch (IllegalArgumentException e) {
            console.err().println("slipway engine: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            console.err().println("slipway engine: could not start: " + e.getMessage());
            return FAILED;
        }
        Thread stopper = new Thread(engine::close, "slipway-engine-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        awaitShutdown.run();
        Runtime.getRuntime().removeShutdownHook(stopper);
        engine.close();
        return OK;
    }

    private static void blockForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
