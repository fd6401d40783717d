package dev.slipway.core.dispatch;

import dev.slipway.core.build.BuildRequest;

/**
 * Reads a repository's {@code .slipway.yml} at the commit of a build request (JGit in the cloud
 * and locally; a map in tests).
 *
 * <p>Contract: {@link #read} returns {@link PipelineFile.Found} with the file at exactly
 * {@code request.commit()} (or, for requests without a commit, at the head of {@code request.branch()},
 * naming the commit it found); {@link PipelineFile.Absent} when retrying cannot help (no file, no such
 * commit or repository, access refused); and throws {@link PipelineSourceUnavailableException} for
 * failures worth retrying (network, server errors), so the queue redelivers the request.
 * Thread-safe.
 */
public interface PipelineSource {

    String PIPELINE_FILE = ".slipway.yml";

    PipelineFile read(BuildRequest request);
}
