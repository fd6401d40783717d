package dev.slipway.core.task;

/**
 * Registers the task a stage runs where the runtime can start it: an ECS task definition in the
 * cloud, an in-memory table on one machine. The state machine then starts it with RunTask by the
 * returned reference and the {@link TaskLaunch#overrides() overrides}.
 *
 * <p>Contract: registering equal content twice returns the same reference without registering
 * again (definitions are cached by a hash of their content, so a busy repository does not create
 * thousands of ECS revisions); thread-safe.
 */
public interface TaskDefinitions {

    TaskLaunch register(TaskSpec spec);
}
