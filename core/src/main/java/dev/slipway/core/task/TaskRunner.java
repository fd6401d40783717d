package dev.slipway.core.task;

/**
 * Runs one {@link TaskSpec} to completion: the port behind which Docker (locally) and ECS (in the
 * cloud) sit.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Blocking.</b> {@code run} returns when the task has ended and every container, network
 *       and volume it created has been removed, whatever the outcome.</li>
 *   <li><b>Order inside a task.</b> A container starts only when each of its
 *       {@link ContainerSpec#dependsOn() dependencies} holds; a HEALTHY dependency is awaited for at
 *       most its health check's {@link ContainerSpec.HealthCheck#patience() patience}, after which
 *       the task ends ERROR naming that container. The task ends when every essential container
 *       has exited, or when one exits non-zero, or cannot start because a dependency failed
 *       (FAILED), or on timeout (TIMED_OUT) or cancel (CANCELLED); remaining containers are then
 *       killed.</li>
 *   <li><b>No throwing for task outcomes.</b> Bad input and infrastructure trouble (missing
 *       image, wrong registry password, daemon gone) come back as {@link TaskStatus#ERROR} with a
 *       reason that names the cause. Only programming errors (null arguments) throw.</li>
 *   <li><b>Secrets.</b> Values of {@link ContainerSpec#secretEnv()} are looked up when the task
 *       starts and masked in every line given to the {@link LogSink} and in
 *       {@link TaskResult#lastLines()}.</li>
 *   <li><b>Cancel.</b> {@link CancelToken#cancel} from any thread makes {@code run} return
 *       CANCELLED within 5 seconds. Cancelling before {@code run} starts nothing.</li>
 *   <li><b>Thread safety.</b> Implementations are safe to use from several threads at once for
 *       different (build, stage) pairs. Running the same pair twice at the same time is not
 *       supported.</li>
 *   <li><b>Twice.</b> Running the same spec again after it returned runs it again from scratch;
 *       nothing from the earlier run is reused.</li>
 * </ul>
 */
public interface TaskRunner {

    TaskResult run(TaskSpec spec, LogSink sink, CancelToken cancel);
}
