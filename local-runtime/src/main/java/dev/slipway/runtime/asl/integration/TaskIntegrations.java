package dev.slipway.runtime.asl.integration;

import dev.slipway.runtime.asl.eval.StateFailedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registry of Task integrations: the first that handles a resource gets the call. */
public final class TaskIntegrations {
    private final List<TaskIntegration> integrations = new CopyOnWriteArrayList<>();

    public TaskIntegrations register(TaskIntegration integration) {
        integrations.add(integration);
        return this;
    }

    /** Throws States.Runtime naming the resource when nothing handles it. */
    public TaskIntegration find(String resource) {
        for (TaskIntegration integration : integrations) {
            if (integration.handles(resource)) {
                return integration;
            }
        }
        throw StateFailedException.runtime("The resource '" + resource + "' is not supported by this engine: register a "
                + "TaskIntegration for it, or use lambda:invoke, ecs:runTask(.sync|.waitForTaskToken) or states:startExecution.sync");
    }
}
