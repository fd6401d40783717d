package dev.slipway.functions.pipeline;

import dev.slipway.core.build.BuildId;

/** The pipeline file dispatch read is gone by the time the pipeline starts (force-pushed away, repository deleted). */
public final class PipelineUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PipelineUnavailableException(BuildId build, String what) {
        super("the pipeline file of build " + build + " cannot be read: " + what);
    }
}
