package dev.slipway.runtime.asl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.RequestRejectedException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Request and response helpers for the AWS JSON 1.0 protocol: required fields, epoch-second timestamps, paging. */
final class ApiJson {
    private ApiJson() {
    }

    static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw new RequestRejectedException("ValidationException",
                    "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    static String optional(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** AWS JSON 1.0 sends timestamps as epoch seconds with a fraction. */
    static void time(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
        }
    }

    /**
     * One page of {@code items}: {@code nextToken} is an opaque offset. Returns the page and sets
     * {@code nextToken} on {@code response} when more remain.
     */
    static <T> List<T> page(List<T> items, JsonNode request, int defaultSize, ObjectNode response) {
        int max = request.path("maxResults").asInt(0);
        if (max < 0 || max > 1000) {
            throw new RequestRejectedException("ValidationException", "1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and 1000");
        }
        int size = max == 0 ? defaultSize : max;
        int offset = offset(optional(request, "nextToken"), items.size());
        int end = Math.min(items.size(), offset + size);
        if (end < items.size()) {
            response.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return items.subList(offset, end);
    }

    private static int offset(String token, int total) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int offset = Integer.parseInt(text.substring("offset:".length()));
            if (!text.startsWith("offset:") || offset < 0 || offset > total) {
                throw new IllegalArgumentException(text);
            }
            return offset;
        } catch (RuntimeException e) {
            throw new RequestRejectedException("InvalidToken", "Invalid Token: '" + token
                    + "': pass the nextToken of the previous page unchanged");
        }
    }
}
