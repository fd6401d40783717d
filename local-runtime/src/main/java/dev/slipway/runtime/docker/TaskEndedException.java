package dev.slipway.runtime.docker;

import dev.slipway.core.task.TaskStatus;
import java.util.List;
import java.util.OptionalInt;

/** Ends a task early inside the runner; becomes the task's result. Never leaves the package. */
final class TaskEndedException extends Exception {

    private static final long serialVersionUID = 1L;

    final TaskStatus status;
    final OptionalInt exitCode;
    final transient List<String> lastLines;

    TaskEndedException(TaskStatus status, String reason, OptionalInt exitCode, List<String> lastLines) {
        super(reason, null, false, false);
        this.status = status;
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
    }

    static TaskEndedException of(TaskStatus status, String reason) {
        return new TaskEndedException(status, reason, OptionalInt.empty(), List.of());
    }
}
