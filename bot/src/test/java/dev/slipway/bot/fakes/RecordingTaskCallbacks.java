package dev.slipway.bot.fakes;

import dev.slipway.bot.approval.TaskCallbacks;
import dev.slipway.bot.approval.TaskTokenGoneException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stands in for Step Functions' task token API with its rules: a token is answered once (a second
 * answer is {@code TaskTimedOut}, as AWS says once the task has closed); tokens marked gone
 * answer as timed out; {@link #failNextCall} simulates an outage.
 */
public final class RecordingTaskCallbacks implements TaskCallbacks {

    /** One answer the pipeline received. */
    public record Answer(String taskToken, boolean success, String output, String error, String cause) {
    }

    private final List<Answer> answers = new ArrayList<>();
    private final Set<String> closed = new HashSet<>();
    private boolean failNext;

    public synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }

    public synchronized void tokenGone(String taskToken) {
        closed.add(taskToken);
    }

    public synchronized void failNextCall() {
        failNext = true;
    }

    @Override
    public synchronized void succeed(String taskToken, String outputJson) throws TaskTokenGoneException {
        check(taskToken);
        answers.add(new Answer(taskToken, true, outputJson, null, null));
    }

    @Override
    public synchronized void fail(String taskToken, String error, String cause) throws TaskTokenGoneException {
        check(taskToken);
        answers.add(new Answer(taskToken, false, null, error, cause));
    }

    private void check(String taskToken) throws TaskTokenGoneException {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("Step Functions unreachable (simulated)");
        }
        if (!closed.add(taskToken)) {
            throw new TaskTokenGoneException("TaskTimedOut", null);
        }
    }
}
