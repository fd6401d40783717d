package dev.slipway.runtime.embedded;

import java.net.URI;

/**
 * An AWS-compatible service running inside this JVM on a loopback port.
 *
 * <p>Contract: the constructor or factory returns only once the service answers requests;
 * {@link #close} stops it, releases its port and is safe to call twice.
 */
public interface EmbeddedService extends AutoCloseable {

    /** What people call it in messages, e.g. {@code DynamoDB Local}. */
    String name();

    /** Where SDK clients send requests. */
    URI endpoint();

    @Override
    void close();
}
