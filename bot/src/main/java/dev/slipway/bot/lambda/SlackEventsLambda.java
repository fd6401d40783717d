package dev.slipway.bot.lambda;

import com.slack.api.bolt.App;
import com.slack.api.bolt.aws_lambda.SlackApiLambdaHandler;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.request.Request;
import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.BotPortsProvider;
import dev.slipway.bot.app.SlipwayBot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ServiceLoader;

/**
 * The bot as a Lambda function behind the HTTP API's {@code POST /slack/events} route (payload
 * format 1.0). Bolt's adapter does the rest: verification first, then the app; an exception is
 * logged with its cause and answered with a generic 500.
 *
 * <p>The app is built once per execution environment, in the constructor, so that SnapStart's
 * snapshot holds it warm. A warm-up invocation (an empty event, as a scheduled keep-warm sends)
 * starts the app and answers nothing.
 */
public class SlackEventsLambda extends SlackApiLambdaHandler {

    /** For the Lambda runtime: configuration from the environment, ports from the deployment's provider. */
    public SlackEventsLambda() {
        this(fromEnvironment());
    }

    public SlackEventsLambda(App app) {
        super(app);
    }

    private static App fromEnvironment() {
        BotConfig config = BotConfig.fromEnvironment(System.getenv());
        BotPortsProvider provider = ServiceLoader.load(BotPortsProvider.class).findFirst().orElseThrow(() ->
                new IllegalStateException("no " + BotPortsProvider.class.getName() + " on the classpath: package the"
                        + " bot with the module that wires its stores and queues (functions), which lists one in"
                        + " META-INF/services"));
        return SlipwayBot.create(config, provider.ports(config));
    }

    @Override
    protected boolean isWarmupRequest(ApiGatewayRequest request) {
        return request == null || (request.getHttpMethod() == null && request.getBody() == null && request.getHeaders() == null);
    }

    /** HTTP APIs may hand a form body over base64-encoded; Bolt verifies the signature on the decoded text. */
    @Override
    protected Request<?> toSlackRequest(ApiGatewayRequest request) {
        if (request.isBase64Encoded() && request.getBody() != null) {
            ApiGatewayRequest decoded = new ApiGatewayRequest();
            decoded.setResource(request.getResource());
            decoded.setPath(request.getPath());
            decoded.setHttpMethod(request.getHttpMethod());
            decoded.setHeaders(request.getHeaders());
            decoded.setQueryStringParameters(request.getQueryStringParameters());
            decoded.setRequestContext(request.getRequestContext());
            decoded.setBody(new String(Base64.getDecoder().decode(request.getBody()), StandardCharsets.UTF_8));
            decoded.setBase64Encoded(false);
            return super.toSlackRequest(decoded);
        }
        return super.toSlackRequest(request);
    }
}
