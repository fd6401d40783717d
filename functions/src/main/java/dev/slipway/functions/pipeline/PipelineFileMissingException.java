package dev.slipway.functions.pipeline;

import dev.slipway.core.build.BuildId;

/** The artifact store has no pipeline file for the build: dispatch stores it before it starts the execution. */
public final class PipelineFileMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PipelineFileMissingException(BuildId build, String name) {
        super("build " + build + " has no pipeline file at '" + name + "' in the artifact store; dispatch stores "
                + ".slipway.yml there before it starts the pipeline: redeliver the webhook or run /build again");
    }
}
