package dev.slipway.functions.aws;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers for DynamoDB attribute maps. */
final class Items {

    /** Every record is stored whole as JSON in this attribute; the others are keys and conditions. */
    static final String DOC = "doc";
    static final String VERSION = "version";

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /**
     * An instant as a sort key that orders correctly as a string: zero-padded epoch milliseconds.
     * ({@code Instant.toString()} does not: it drops zero fractions, so "…00Z" sorts after "…00.5Z".)
     */
    static String sortable(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }
}
