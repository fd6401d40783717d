package dev.slipway.runtime.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline state machine ({@code statemachine/src/main/resources/pipeline.asl.json}, the same
 * file the cloud deploys) with its {@code ${...}} DefinitionSubstitutions filled in for one machine:
 * functions by the names the embedded runtime registers them under, and placeholders where the
 * cloud names its ECS cluster and network (the local task runner ignores them).
 */
public final class PipelineDefinition {

    public static final String STATE_MACHINE = "slipway-pipeline";
    static final String RELATIVE = "statemachine/src/main/resources/pipeline.asl.json";
    private static final Pattern FUNCTION = Pattern.compile("\\$\\{([A-Za-z]+)FunctionArn}");
    private static final Map<String, String> NETWORK = Map.of(
            "${ClusterArn}", "arn:aws:ecs:us-east-1:000000000000:cluster/slipway-local",
            "${ImageBuildCapacityProvider}", "local-docker",
            "${SubnetA}", "subnet-local-a",
            "${SubnetB}", "subnet-local-b",
            "${TaskSecurityGroup}", "sg-local");

    private PipelineDefinition() {
    }

    /**
     * The function a {@code ${PrepareFunctionArn}} names on one machine: {@code prepare},
     * {@code request-approval} (the names the statemachine tests register too).
     */
    public static String functionName(String substitution) {
        return substitution.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Finds the definition: {@code $SLIPWAY_HOME/statemachine/...} (the launcher sets it), else the
     * working directory or one of its parents holding {@code statemachine/...}.
     */
    public static Optional<Path> locate(Map<String, String> env, Path workingDirectory) {
        String home = env.get("SLIPWAY_HOME");
        if (home != null && Files.isRegularFile(Path.of(home).resolve(RELATIVE))) {
            return Optional.of(Path.of(home).resolve(RELATIVE));
        }
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE))) {
                return Optional.of(dir.resolve(RELATIVE));
            }
        }
        return Optional.empty();
    }

    public static String read(Path file) {
        try {
            return substitute(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pipeline definition " + file, e);
        }
    }

    static String substitute(String definition) {
        String text = definition;
        for (Map.Entry<String, String> e : NETWORK.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        Matcher m = FUNCTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "arn:aws:lambda:us-east-1:000000000000:function:" + functionName(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
