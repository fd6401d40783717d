package dev.slipway.core.approval;

import java.time.Instant;
import java.util.Objects;

/** One person's decision on an approval request, kept for audit. */
public record ApprovalDecision(String userId, Verdict verdict, Instant at, String note) {

    public enum Verdict { APPROVE, REJECT }

    public ApprovalDecision {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an approval decision needs the id of who made it");
        }
        Objects.requireNonNull(verdict, "verdict of " + userId);
        Objects.requireNonNull(at, "time of the decision of " + userId);
    }
}
