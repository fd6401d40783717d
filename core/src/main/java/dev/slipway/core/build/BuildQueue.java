package dev.slipway.core.build;

/**
 * The queue between the functions that receive events (webhook, schedule, bot) and dispatch
 * (SQS in the cloud, ElasticMQ on one machine).
 *
 * <p>Contract, checked by {@code BuildQueueContract}:
 * <ul>
 *   <li>{@link #enqueue} returns only once the queue has accepted the request durably; if it throws
 *       {@link BuildQueueUnavailableException}, nothing may be assumed queued and the caller must not
 *       record the delivery as queued.</li>
 *   <li>Delivery is at least once: consumers see a request one or more times and de-duplicate by
 *       {@link BuildRequest#id()} (the execution name does that for dispatch).</li>
 *   <li>The request travels whole: what is dequeued equals what was enqueued.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
public interface BuildQueue {

    void enqueue(BuildRequest request);
}
