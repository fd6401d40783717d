package dev.slipway.testkit.dispatch;

import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.dispatch.PipelineSourceUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PipelineSource} over files registered per repository and commit, with branch heads for
 * requests that carry no commit; can be told to be unreachable. Records every read.
 */
public final class InMemoryPipelineSource implements PipelineSource {

    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String> heads = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private int failuresLeft;

    /** {@code text} is the pipeline file of {@code repo} at {@code commit}; null means the commit has none. */
    public synchronized InMemoryPipelineSource put(String repo, String commit, String text) {
        files.put(repo + "@" + commit, text);
        return this;
    }

    public synchronized InMemoryPipelineSource head(String repo, String branch, String commit) {
        heads.put(repo + "#" + branch, commit);
        return this;
    }

    /** The next {@code count} reads throw {@link PipelineSourceUnavailableException}. */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    public synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    @Override
    public synchronized PipelineFile read(BuildRequest request) {
        String repo = request.repo().fullName();
        String commit = request.commit() != null ? request.commit() : heads.get(repo + "#" + request.branch());
        reads.add(repo + "@" + commit);
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new PipelineSourceUnavailableException(repo, commit, new IllegalStateException("told to fail"));
        }
        if (commit == null || !files.containsKey(repo + "@" + commit)) {
            return new PipelineFile.Absent("commit-not-found", "commit " + commit + " is not in " + repo, "push again");
        }
        String text = files.get(repo + "@" + commit);
        if (text == null) {
            return new PipelineFile.Absent("pipeline-missing", "there is no " + PIPELINE_FILE + " in " + repo
                    + " at " + commit, "add one");
        }
        return new PipelineFile.Found(PIPELINE_FILE, commit, text);
    }
}
