package dev.slipway.core.pipeline;

import java.util.Optional;

/**
 * One deploy environment.
 *
 * @param approval when absent the environment deploys automatically
 */
public record Environment(
        String name,
        Target target,
        Optional<HealthCheck> healthCheck,
        Optional<Approval> approval,
        RollbackPolicy rollback) {
}
