package dev.slipway.bench.startup;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** The cold-start probe of the webhook function: one signed GitHub push, as API Gateway's HTTP API hands it over. */
public final class WebhookColdStart {

    private WebhookColdStart() {
    }

    public static void main(String[] args) throws Exception {
        ColdStart.run(args, WebhookColdStart::invoke);
    }

    @SuppressWarnings("unchecked")
    private static int invoke(Object handler, String body, Map<String, String> headers,
            com.amazonaws.services.lambda.runtime.Context context) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/github")
                .withPathParameters(Map.of("provider", "github")).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/webhooks/github")
                                .build()).build())
                .build();
        return ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, context)
                .getStatusCode();
    }
}
