package dev.slipway.bot.approval;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Step Functions adapter through the real AWS SDK against moto server, which implements the
 * Step Functions API: the SendTaskSuccess and SendTaskFailure requests are well formed and reach
 * the service. moto accepts any task token; the token semantics (a closed task answers
 * TaskTimedOut, mapped to {@link TaskTokenGoneException}) are tested against Slipway's own engine in
 * local-runtime's {@code ApprovalOnEngineIT}, which can see both modules.
 */
class SfnTaskCallbacksIT {

    private static Process moto;
    private static SfnClient sfn;

    @BeforeAll
    static void startMoto() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        new File("target").mkdirs();
        moto = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(new File("target/moto-sfn-" + port + ".log")).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        await("moto server on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> moto.isAlive() && answers(endpoint));
        sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopMoto() {
        if (sfn != null) {
            sfn.close();
        }
        if (moto != null) {
            moto.destroy();
        }
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void sendsTaskSuccessWithTheApprovalAsOutput() {
        SfnTaskCallbacks callbacks = new SfnTaskCallbacks(sfn);
        assertThatCode(() -> callbacks.succeed("token-1", "{\"approvalId\":\"a\",\"approved\":true}")).doesNotThrowAnyException();
    }

    @Test
    void sendsTaskFailureWithTheRejection() {
        SfnTaskCallbacks callbacks = new SfnTaskCallbacks(sfn);
        assertThatCode(() -> callbacks.fail("token-2", ApprovalService.REJECTED_ERROR, "Rejected by U0ALICE at 2026-11-22T10:01:00Z"))
                .doesNotThrowAnyException();
    }
}
