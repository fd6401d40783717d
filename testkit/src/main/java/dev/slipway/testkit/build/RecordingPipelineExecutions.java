package dev.slipway.testkit.build;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.PipelineExecutions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PipelineExecutions} that records starts and stops instead of running anything, with the
 * same naming rule as Step Functions (one execution per name, input checked against the 256 KiB
 * limit). Passes {@code PipelineExecutionsContract}.
 */
public final class RecordingPipelineExecutions implements PipelineExecutions {

    private static final String ARN_PREFIX = "arn:aws:states:us-east-1:000000000000:execution:slipway-pipeline:";

    /** One recorded execution. {@code stopCause} is null while it has not been stopped. */
    public record Execution(BuildId build, String arn, String input, String stopCause) {
    }

    private final Map<BuildId, Execution> executions = new LinkedHashMap<>();
    private final List<BuildId> startCalls = new ArrayList<>();

    @Override
    public synchronized StartResult start(BuildId build, String input) {
        startCalls.add(build);
        if (input.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("execution input of " + build + " is over 256 KiB: pass references");
        }
        Execution existing = executions.get(build);
        if (existing != null) {
            return new StartResult(existing.arn(), true);
        }
        Execution started = new Execution(build, ARN_PREFIX + build.value(), input, null);
        executions.put(build, started);
        return new StartResult(started.arn(), false);
    }

    @Override
    public synchronized void stop(BuildId build, String cause) {
        Execution existing = executions.get(build);
        if (existing != null && existing.stopCause() == null) {
            executions.put(build, new Execution(build, existing.arn(), existing.input(), cause));
        }
    }

    /** Executions in the order they were first started. */
    public synchronized List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    public synchronized Optional<Execution> execution(BuildId build) {
        return Optional.ofNullable(executions.get(build));
    }

    /** Every call of {@link #start}, duplicates included. */
    public synchronized List<BuildId> startCalls() {
        return List.copyOf(startCalls);
    }
}
