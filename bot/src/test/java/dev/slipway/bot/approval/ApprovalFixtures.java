package dev.slipway.bot.approval;

import dev.slipway.bot.model.ApprovalRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Approvals as the request-approval function would store them. */
final class ApprovalFixtures {

    static final Instant REQUESTED = Instant.parse("2026-11-22T10:00:00Z");

    private ApprovalFixtures() {
    }

    static ApprovalRequest production(List<String> approvers, int required, boolean allowSelf) {
        return new ApprovalRequest("ap-42-production", "42", "api", "production",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", URI.create("https://git.example.com/acme/api/compare/a1...9fceb02"),
                URI.create("http://localhost:8080/builds/42"), "U0REQUESTER", "task-token-42", approvers, required,
                allowSelf, REQUESTED, REQUESTED.plus(Duration.ofHours(4)), List.of(), ApprovalRequest.State.OPEN,
                "C0DEPLOYS", null, 1);
    }
}
