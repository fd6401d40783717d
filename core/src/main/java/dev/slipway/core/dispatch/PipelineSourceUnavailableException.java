package dev.slipway.core.dispatch;

/** The repository could not be read for a reason that may pass (network, server error): retry later. */
public final class PipelineSourceUnavailableException extends RuntimeException {

    public PipelineSourceUnavailableException(String repo, String commit, Throwable cause) {
        super("could not read " + PipelineSource.PIPELINE_FILE + " of " + repo + " at " + commit + ": "
                + cause.getMessage() + "; the build request will be retried", cause);
    }
}
