package dev.slipway.core.lint;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.slipway.core.pipeline.Cron;
import dev.slipway.core.pipeline.Glob;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Target;
import java.util.Iterator;
import java.util.Map;

/**
 * The pipeline model as JSON, for fixtures: records by component, durations as ISO-8601
 * ({@code PT10M}), globs and crons as their text, sealed types with a {@code type} name.
 */
final class ModelJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    private interface Typed {
    }

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule()
                    .addSerializer(Glob.class, ToStringSerializer.instance)
                    .addSerializer(Cron.class, ToStringSerializer.instance))
            .addMixIn(Pipeline.class, Typed.class)
            .addMixIn(Target.class, Typed.class)
            .addMixIn(HealthCheck.Probe.class, Typed.class)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private ModelJson() {
    }

    static JsonNode of(Pipeline pipeline) {
        return MAPPER.valueToTree(pipeline);
    }

    /**
     * Where {@code actual} differs from {@code expected}, or null when it contains it: every field
     * of an expected object must be there and equal; arrays must have the same length and items.
     */
    static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return path + ": expected an object but was " + actual;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = actual.get(field.getKey());
                if (value == null) {
                    return path + "." + field.getKey() + ": missing in " + actual;
                }
                String diff = difference(field.getValue(), value, path + "." + field.getKey());
                if (diff != null) {
                    return diff;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return path + ": expected " + expected + " but was " + actual;
            }
            for (int i = 0; i < expected.size(); i++) {
                String diff = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (diff != null) {
                    return diff;
                }
            }
            return null;
        }
        boolean equal = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                : expected.equals(actual);
        return equal ? null : path + ": expected " + expected + " but was " + actual;
    }
}
