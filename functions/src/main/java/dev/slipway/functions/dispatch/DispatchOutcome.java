package dev.slipway.functions.dispatch;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildStatus;

/**
 * What dispatching one request did, for logs and tests.
 *
 * @param executionArn the pipeline execution, when one was started (or already existed)
 * @param note         what happened, in words
 */
public record DispatchOutcome(BuildId build, BuildStatus status, String executionArn, String note) {
}
