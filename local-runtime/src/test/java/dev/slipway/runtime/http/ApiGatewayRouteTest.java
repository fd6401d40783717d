package dev.slipway.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiGatewayRouteTest {

    @Test
    void textualBodiesThatAreValidUtf8ArePassedAsTextLikeApiGateway() {
        byte[] json = "{\"name\":\"café ☕\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(ApiGatewayRoute.textOf(json, "application/json")).isEqualTo("{\"name\":\"café ☕\"}");
        assertThat(ApiGatewayRoute.textOf(json, "application/vnd.github+json; charset=utf-8")).isNotNull();
        assertThat(ApiGatewayRoute.textOf("a=1&b=2".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded")).isEqualTo("a=1&b=2");
    }

    @Test
    void binaryTypesAndInvalidUtf8GoAsBase64SoTheSignedBytesArriveIntact() {
        byte[] invalid = {'{', (byte) 0xC3, (byte) 0x28, '}'};

        assertThat(ApiGatewayRoute.textOf(invalid, "application/json")).isNull();
        assertThat(ApiGatewayRoute.textOf("{}".getBytes(StandardCharsets.UTF_8), "application/octet-stream")).isNull();
        assertThat(ApiGatewayRoute.textOf("{}".getBytes(StandardCharsets.UTF_8), "")).isNull();
    }
}
