package dev.slipway.functions.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.Provider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture payload under {@code events/<provider>/} against its expectation under
 * {@code events/<provider>/expected/}: signed as the provider signs, sent through the ingress, and
 * the answer and the queued build request compared field by field.
 */
class WebhookFixturesTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = Path.of(WebhookFixturesTest.class.getClassLoader().getResource("events").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> found = files.filter(p -> p.getParent().getFileName().toString().equals("expected"))
                    .map(p -> root.relativize(p).toString().replace("/expected/", "/").replace(".json", ""))
                    .sorted().toList();
            assertThat(found).as("expectations under events/*/expected").hasSizeGreaterThanOrEqualTo(25);
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureGivesTheExpectedAnswer(String fixture) throws IOException {
        String provider = fixture.substring(0, fixture.indexOf('/'));
        String name = fixture.substring(fixture.indexOf('/') + 1);
        JsonNode expected = SlipwayJson.mapper().readTree(WebhookFixture.payload(provider, "expected/" + name));
        WebhookFixture fixtureSetup = new WebhookFixture();
        String delivery = "0b989ba4-a38e-11ee-9d8a-" + Integer.toHexString(fixture.hashCode());

        WebhookResponse response = fixtureSetup.ingress().handle(WebhookFixture.signed(provider,
                expected.get("event").asText(), delivery, WebhookFixture.payload(provider, name)));

        JsonNode body = SlipwayJson.mapper().readTree(response.body());
        assertThat(response.status()).as(response.body()).isEqualTo(expected.get("status").asInt());
        assertThat(body.get("status").asText()).isEqualTo(expected.get("result").asText());
        if (expected.has("reason")) {
            assertThat(body.get("reason").asText()).isEqualTo(expected.get("reason").asText());
        }
        List<BuildRequest> queued = fixtureSetup.queue.queued();
        if (!expected.has("request")) {
            assertThat(queued).as("nothing queued for " + fixture).isEmpty();
            return;
        }
        Provider p = Provider.valueOf(provider.toUpperCase(java.util.Locale.ROOT));
        assertThat(queued).hasSize(1);
        assertThat(body.get("buildId").asText()).isEqualTo(BuildId.forDelivery(p, delivery).value());
        assertThat(queued.get(0).receivedAt()).isEqualTo(WebhookFixture.NOW);
        assertFieldsMatch((ObjectNode) expected.get("request"), SlipwayJson.mapper().valueToTree(queued.get(0)));
    }

    private static void assertFieldsMatch(ObjectNode expected, JsonNode actual) {
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(actual.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
        }
    }
}
