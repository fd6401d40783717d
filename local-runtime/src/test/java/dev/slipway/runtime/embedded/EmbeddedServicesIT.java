package dev.slipway.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.functions.aws.DynamoBuildStore;
import dev.slipway.functions.aws.DynamoTables;
import dev.slipway.functions.aws.SqsQueues;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.testkit.build.TestBuilds;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** DynamoDB Local and ElasticMQ as {@code slipway up} runs them: real SDK clients, a data directory, clean stops. */
class EmbeddedServicesIT {

    @TempDir
    Path data;

    @Test
    void tablesAndRecordsSurviveAStopAndAStartOnTheSameDirectory() {
        TableNames tables = TableNames.withPrefix("it-");
        BuildRecord build = TestBuilds.queued("acme/api", "main", "embedded-1", TestBuilds.T0);
        try (EmbeddedServices services = EmbeddedServices.start(data, 0, 0);
                DynamoDbClient dynamo = LocalAws.dynamo(services.dynamo().endpoint())) {
            DynamoTables.createAll(dynamo, tables);
            assertThat(new DynamoBuildStore(dynamo, tables.builds()).create(build)).isTrue();
        }
        try (EmbeddedServices services = EmbeddedServices.start(data, 0, 0);
                DynamoDbClient dynamo = LocalAws.dynamo(services.dynamo().endpoint())) {
            DynamoTables.createAll(dynamo, tables);
            assertThat(new DynamoBuildStore(dynamo, tables.builds()).find(build.id())).get()
                    .extracting(BuildRecord::request).isEqualTo(build.request());
        }
    }

    @Test
    void theQueueAnswersTheSqsApiAndBothPortsAreFreeAfterClose() throws IOException {
        int dynamoPort = LocalAws.freePort();
        int sqsPort = LocalAws.freePort();
        try (EmbeddedServices services = EmbeddedServices.start(data, dynamoPort, sqsPort);
                SqsClient sqs = LocalAws.sqs(services.sqs().endpoint())) {
            String url = SqsQueues.createBuildQueue(sqs, "it-builds", Duration.ofSeconds(30), 3).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello"));
            assertThat(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)).messages())
                    .extracting(m -> m.body()).containsExactly("hello");
            assertThat(services.dynamo().endpoint().getPort()).isEqualTo(dynamoPort);
        }
        for (int port : List.of(dynamoPort, sqsPort)) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
                assertThat(again.isBound()).isTrue();
            }
        }
    }

    @Test
    void bothServicesListenOnLoopbackOnly() throws IOException {
        InetAddress outside = nonLoopbackAddress();
        try (EmbeddedServices services = EmbeddedServices.start(null, 0, 0)) {
            for (EmbeddedService service : List.of(services.dynamo(), services.sqs())) {
                int port = service.endpoint().getPort();
                assertThat(connects(InetAddress.getLoopbackAddress(), port)).as(service.name() + " on loopback").isTrue();
                assertThat(connects(outside, port)).as(service.name() + " on " + outside).isFalse();
            }
        }
    }

    @Test
    void aTakenPortIsAClearErrorAndTheOtherServiceIsStopped() throws IOException {
        int sqsPort = LocalAws.freePort();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedServices.start(data, port, sqsPort))
                    .isInstanceOf(EmbeddedServiceFailedException.class)
                    .hasMessageStartingWith("DynamoDB Local did not start on 127.0.0.1:" + port)
                    .hasMessageContaining("Is the port taken");
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", sqsPort));
            assertThat(again.isBound()).as("ElasticMQ released its port").isTrue();
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** This machine's own address on a non-loopback interface (eth0, or docker0 where Docker runs). */
    private static InetAddress nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst()
                .orElseThrow(() -> new IllegalStateException("this machine has no non-loopback IPv4 address to test with"));
    }
}
