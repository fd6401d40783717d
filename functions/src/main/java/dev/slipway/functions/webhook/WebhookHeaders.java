package dev.slipway.functions.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Request headers, looked up case-insensitively: API Gateway HTTP APIs hand them to the function
 * in lower case, providers document them capitalised.
 */
public final class WebhookHeaders {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public WebhookHeaders(Map<String, String> headers) {
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    values.put(k, v);
                }
            });
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The header's value, or {@link WebhookRejectedException} (400) naming the missing header. */
    public String require(String name, String why) {
        return get(name).orElseThrow(() -> WebhookRejectedException.badRequest("missing-header",
                "the " + name + " header is missing: " + why));
    }
}
