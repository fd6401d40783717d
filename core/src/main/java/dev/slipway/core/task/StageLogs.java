package dev.slipway.core.task;

import java.util.List;
import java.util.Optional;

/**
 * Reads what a finished stage task printed: CloudWatch Logs in the cloud, the local log directory
 * on one machine. The record function uses it for the pushed image digest
 * ({@link TaskOutputs#DIGEST_MARKER}) and for the last lines shown with a failure.
 *
 * <p>Contract: lines come back masked as they were written, oldest first; a task with no log yet
 * gives an empty list, never an error; thread-safe.
 */
public interface StageLogs {

    /** At most {@code max} of the last lines of the task's containers. */
    List<String> lastLines(String buildId, String stage, String taskArn, int max);

    /** Where people read the whole log (a console URL, a file path). */
    Optional<String> pointer(String buildId, String stage, String taskArn);

    /** The image digest the task's build-image container reported, if it pushed one. */
    default Optional<String> digest(String buildId, String stage, String taskArn) {
        List<String> lines = lastLines(buildId, stage, taskArn, 200);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<String> digest = TaskOutputs.digestIn(lines.get(i));
            if (digest.isPresent()) {
                return digest;
            }
        }
        return Optional.empty();
    }
}
