package dev.slipway.bench.startup;

import dev.slipway.runtime.embedded.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * moto server (ENVIRONMENT.md), standing in for DynamoDB, SQS and Secrets Manager at one endpoint,
 * as a Lambda function reaches them all with {@code AWS_ENDPOINT_URL}. Started and stopped by the
 * probe; its output goes to a file beside the probe's requests.
 */
final class Moto implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private Moto(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Moto start(Path log) throws IOException, InterruptedException {
        int port = LocalAws.freePort();
        Process process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Moto moto = new Moto(process, URI.create("http://127.0.0.1:" + port));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("moto server exited with " + process.exitValue() + "; see " + log
                        + " (install it with pip install 'moto[server]')");
            }
            try {
                http.send(HttpRequest.newBuilder(moto.endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return moto;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        moto.close();
        throw new IOException("moto server did not answer on " + moto.endpoint + " within 60 s; see " + log);
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
