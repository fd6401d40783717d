package dev.slipway.core.dispatch;

/** What reading a repository's pipeline file at a commit gave. */
public sealed interface PipelineFile {

    /**
     * @param commit the commit read (resolved from the branch head when the request had none)
     * @param text   the file's content
     */
    record Found(String path, String commit, String text) implements PipelineFile {
    }

    /**
     * There is no file to read, and trying again will not change that: no such file at the commit,
     * no such commit or repository. {@code problem} says which, for the build record.
     */
    record Absent(String code, String message, String hint) implements PipelineFile {
    }
}
