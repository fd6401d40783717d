package dev.slipway.core.notify;

import dev.slipway.core.deploy.ServiceEnvironment;

/**
 * What a rollback did to one environment of one service.
 *
 * @param from the image that failed (or that a person rolled back from)
 * @param to   the last good image now running again; empty when there was none to restore
 */
public record RollbackReport(ServiceEnvironment target, String from, String to, String reason) {
}
