package dev.slipway.bench.system;

import dev.slipway.testkit.scm.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Signed GitHub push deliveries, from the recorded push of {@code github-push.json}. */
public final class Deliveries {

    /** The commit the recorded push names; replaced by the commit a benchmark pushes. */
    private static final String FIXTURE_COMMIT = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final String FIXTURE = fixture();

    private Deliveries() {
    }

    /** A push of {@code commit} to {@code branch} of {@code acme/api}. */
    public static byte[] push(String commit, String branch) {
        return FIXTURE.replace(FIXTURE_COMMIT, commit).replace("\"refs/heads/main\"", "\"refs/heads/" + branch + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(String secret, String delivery, byte[] body) {
        return WebhookSigner.github(secret, "push", delivery, body);
    }

    private static String fixture() {
        try (InputStream in = Deliveries.class.getResourceAsStream("/dev/slipway/bench/github-push.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
