package dev.slipway.statemachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pipeline.asl.json as packaged, and its {@code ${...}} substitutions filled the way CloudFormation fills them. */
final class PipelineDefinition {

    static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private PipelineDefinition() {
    }

    static String raw() {
        try (InputStream in = PipelineDefinition.class.getResourceAsStream("/pipeline.asl.json")) {
            if (in == null) {
                throw new IllegalStateException("pipeline.asl.json is not on the class path; it lives in statemachine/src/main/resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> substitutions() {
        Set<String> names = new TreeSet<>();
        Matcher m = SUBSTITUTION.matcher(raw());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every substitution must have a value: a missing one would reach the engine as text. */
    static String substituted(Map<String, String> values) {
        Matcher m = SUBSTITUTION.matcher(raw());
        return m.replaceAll(r -> {
            String value = values.get(r.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + r.group(1) + "} in the substitutions " + values.keySet());
            }
            return Matcher.quoteReplacement(value);
        });
    }
}
