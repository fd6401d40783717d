package dev.slipway.bot.release;

import java.time.Instant;
import java.util.List;

/** What {@code /status} shows: builds running, what is deployed where, approvals waiting. */
public record StatusReport(List<RunningBuild> running, List<CurrentDeployment> deployed, List<OpenApproval> openApprovals) {

    public StatusReport {
        running = List.copyOf(running);
        deployed = List.copyOf(deployed);
        openApprovals = List.copyOf(openApprovals);
    }

    /** @param stage the stage running now */
    public record RunningBuild(String buildId, String service, String ref, String stage, Instant startedAt) {
    }

    public record CurrentDeployment(String service, String environment, String image, String buildId, Instant deployedAt) {
    }

    /** @param missing how many more approvals it needs */
    public record OpenApproval(String approvalId, String buildId, String service, String environment, long missing,
            Instant expiresAt) {
    }
}
