package dev.slipway.functions.aws;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * moto's server ({@code python3 -m moto.server}), started once per JVM for the AWS APIs no Java
 * emulator covers (Secrets Manager, Step Functions); stopped when the JVM exits.
 */
public final class MotoServer {

    private static URI endpoint;

    private MotoServer() {
    }

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            int port = LocalAws.freePort();
            Process process = start(port);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            URI uri = URI.create("http://127.0.0.1:" + port);
            await("moto server on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> process.isAlive() && answers(uri));
            endpoint = uri;
        }
        return endpoint;
    }

    private static Process start(int port) {
        try {
            return new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(new File("target/moto-" + port + ".log")).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto (python3 -m moto.server): install it with "
                    + "pip install 'moto[server]'", e);
        }
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
