package dev.slipway.core.build;

/**
 * Starts and stops pipeline executions (AWS Step Functions in the cloud, Slipway's engine on one
 * machine: both through the Step Functions API).
 *
 * <p>Contract, checked by {@code PipelineExecutionsContract}:
 * <ul>
 *   <li>An execution is named after its build id, so {@link #start} is idempotent: starting a build
 *       that already has an execution succeeds with that execution's ARN and starts nothing. AWS
 *       answers a repeated start of a running standard execution with the same input as if it had
 *       started it, and {@code ExecutionAlreadyExists} when the input differs or the execution has
 *       closed; both count as success here. {@link StartResult#alreadyStarted()} is therefore a hint
 *       for logs, not something to base decisions on.</li>
 *   <li>{@code input} is a JSON object, well under the 256 KiB Step Functions limit; large things
 *       travel as references.</li>
 *   <li>{@link #stop} of an execution that has ended or never started is a no-op.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
public interface PipelineExecutions {

    /** Step Functions rejects inputs over 256 KiB (262,144 bytes of UTF-8). */
    int MAX_INPUT_BYTES = 262_144;

    StartResult start(BuildId build, String input);

    /** Stops the build's execution, recording {@code cause} (shown to people) on it. */
    void stop(BuildId build, String cause);

    /** @param executionArn the execution; {@code alreadyStarted} when this call did not create it */
    record StartResult(String executionArn, boolean alreadyStarted) {
    }
}
