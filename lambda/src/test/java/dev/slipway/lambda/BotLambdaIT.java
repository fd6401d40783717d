package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.aws.DynamoBuildStore;
import dev.slipway.functions.aws.DynamoTables;
import dev.slipway.functions.aws.LocalAws;
import dev.slipway.functions.aws.MotoServer;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.slack.SlackPayloads;
import dev.slipway.testkit.slack.SlackRequestSigner;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The bot's Lambda handler as the stack configures it: credentials from a Secrets Manager secret,
 * builds and Slack retries in DynamoDB, {@code /build} on SQS, all on moto server, reached by the
 * SDK's default clients through {@code aws.endpointUrl} (as Lambda's would reach AWS), with Slack's
 * Web API faked by the testkit.
 */
class BotLambdaIT {

    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TOKEN = "xoxb-slipway-lambda";
    private static final String CHANNEL = "C0DEPLOYS";
    private static final String PREFIX = "bot-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    private static final SlackWebApiServer slack = SlackWebApiServer.start()
            .token(TOKEN, SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY").channel(CHANNEL, "deploys");
    private static final SlackRequestSigner signer = new SlackRequestSigner(SIGNING_SECRET);
    private static URI moto;
    private static String queueUrl;
    private static String secretArn;

    @BeforeAll
    static void stack() {
        moto = MotoServer.endpoint();
        System.setProperty("aws.endpointUrl", moto.toString());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "slipwaytest");
        System.setProperty("aws.secretAccessKey", "slipwaytest");
        DynamoTables.createAll(LocalAws.dynamo(moto), TableNames.withPrefix(PREFIX));
        queueUrl = LocalAws.sqs(moto).createQueue(r -> r.queueName(PREFIX + "builds")).queueUrl();
        secretArn = LocalAws.secrets(moto).createSecret(r -> r.name(PREFIX + "slack")
                .secretString("{\"botToken\": \"" + TOKEN + "\", \"signingSecret\": \"" + SIGNING_SECRET + "\"}")).arn();
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    private static Map<String, String> env(String slackSecretArn) {
        return Map.of(SlackSecret.ARN_VARIABLE, slackSecretArn, "SLACK_API_URL", slack.methodsUrlPrefix(),
                "SLIPWAY_TABLE_PREFIX", PREFIX, "SLIPWAY_BUILD_QUEUE_URL", queueUrl,
                "SLIPWAY_PIPELINE_ARN", "arn:aws:states:us-east-1:123456789012:stateMachine:" + PREFIX + "pipeline",
                "SLIPWAY_PAGES_URL", "https://ci.example.com/");
    }

    private static ApiGatewayRequest event(SignedRequest signed) {
        ApiGatewayRequest request = new ApiGatewayRequest();
        request.setHttpMethod("POST");
        request.setPath("/slack/events");
        Map<String, String> headers = new HashMap<>();
        signed.headers().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        request.setHeaders(headers);
        request.setBody(signed.body());
        return request;
    }

    private static SignedRequest command(String command, String text, String triggerId) {
        return signer.command(SlackPayloads.slashCommand(CHANNEL, "U0ALICE", command, text, slack.newResponseUrl(), triggerId));
    }

    @Test
    void slashBuildQueuesTheBuildOnTheStacksQueue() {
        DynamoDbClient dynamo = LocalAws.dynamo(moto);
        new DynamoBuildStore(dynamo, TableNames.withPrefix(PREFIX).builds())
                .create(TestBuilds.queued("acme/api", "main", "d-1", TestBuilds.T0));
        BotLambda lambda = new BotLambda(env(secretArn));

        ApiGatewayResponse response = lambda.handleRequest(event(command("/build", "acme/api main", "trigger-1")), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("acme/api main is queued");
        SqsClient sqs = LocalAws.sqs(moto);
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(1);
        BuildRequest queued = SlipwayJson.read(messages.get(0).body(), BuildRequest.class);
        assertThat(queued.repo().fullName()).isEqualTo("acme/api");
        assertThat(queued.ref()).isEqualTo("refs/heads/main");
    }

    @Test
    void aForgedRequestIsRefusedWithTheSecretsSigningSecret() {
        BotLambda lambda = new BotLambda(env(secretArn));
        SignedRequest signed = command("/slipway", "help", "trigger-2");
        SignedRequest forged = new SignedRequest(signed.body().replace("help", "status"), signed.contentType(), signed.headers());

        assertThat(lambda.handleRequest(event(forged), null).getStatusCode()).isEqualTo(401);
        assertThat(lambda.handleRequest(event(signed), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void slashDeployOfAServiceNeverDeployedIsRefusedPrivatelyWithWhy() {
        BotLambda lambda = new BotLambda(env(secretArn));

        ApiGatewayResponse response = lambda.handleRequest(event(command("/deploy", "api to staging", "trigger-3")), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("has not deployed `api` anywhere yet").contains("ephemeral");
    }

    @Test
    void snapStartPrimingRunsASignedRequestThroughTheWholeHandler() {
        BotLambda lambda = new BotLambda(env(secretArn));

        assertThat(lambda.priming().prime()).isEqualTo(200);

        // The retry guard claimed it in the deliveries table: the DynamoDB path is primed too.
        assertThat(LocalAws.dynamo(moto).scan(r -> r.tableName(TableNames.withPrefix(PREFIX).deliveries())).items())
                .anySatisfy(item -> assertThat(item.toString()).contains("snapstart-priming-"));
    }

    @Test
    void aStackWhoseSlackSecretIsStillEmptyFailsAtInitSayingWhatToFillIn() {
        String empty = LocalAws.secrets(moto).createSecret(r -> r.name(PREFIX + "slack-empty")
                .secretString("{\"botToken\": \"\", \"signingSecret\": \"\"}")).arn();

        assertThatThrownBy(() -> new BotLambda(env(empty)))
                .isInstanceOf(SlackSecretInvalidException.class)
                .hasMessageContaining("has no signingSecret").hasMessageContaining("docs/aws.md");
    }
}
