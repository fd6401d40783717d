package dev.slipway.runtime.asl.api;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.history.EngineStore;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** An engine on real time behind the HTTP API, and AWS's own SfnClient pointed at it. */
public final class LocalSfn implements AutoCloseable {
    public final Engine engine;
    public final SfnHttpServer server;
    public final SfnClient client;
    private final ExecutorService pool;
    private final TimerDelayScheduler timer;

    public LocalSfn(TaskIntegrations integrations) {
        this(integrations, new MemoryEngineStore());
    }

    public LocalSfn(TaskIntegrations integrations, EngineStore store) {
        pool = Executors.newFixedThreadPool(4);
        timer = new TimerDelayScheduler(pool);
        engine = new Engine(store, integrations, pool, timer, Clock.systemUTC());
        try {
            server = SfnHttpServer.start(engine, "127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = client(server.endpoint());
    }

    /** StartSyncExecution has a "sync-" host prefix in AWS; against a local endpoint it must be turned off. */
    public static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build())
                .build();
    }

    @Override
    public void close() {
        client.close();
        server.close();
        timer.close();
        pool.shutdownNow();
    }
}
