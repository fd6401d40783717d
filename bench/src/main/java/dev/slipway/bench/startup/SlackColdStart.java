package dev.slipway.bench.startup;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.util.Map;

/** The cold-start probe of the bot: one signed slash command, as the HTTP API hands it to Bolt's Lambda adapter. */
public final class SlackColdStart {

    private SlackColdStart() {
    }

    public static void main(String[] args) throws Exception {
        ColdStart.run(args, SlackColdStart::invoke);
    }

    @SuppressWarnings("unchecked")
    private static int invoke(Object handler, String body, Map<String, String> headers,
            com.amazonaws.services.lambda.runtime.Context context) {
        ApiGatewayRequest request = new ApiGatewayRequest();
        request.setHttpMethod("POST");
        request.setPath("/slack/events");
        request.setHeaders(headers);
        request.setBody(body);
        return ((RequestHandler<ApiGatewayRequest, ApiGatewayResponse>) handler).handleRequest(request, context)
                .getStatusCode();
    }
}
