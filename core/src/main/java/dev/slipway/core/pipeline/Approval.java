package dev.slipway.core.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * A gate that waits for people before a stage or an environment.
 *
 * @param approvers         Slack user ids ({@code U…}, {@code W…}) or user group ids ({@code S…})
 * @param required          how many distinct approvals, at least 1 and at most the approvers
 *                          (a group counts once here, although several of its members may approve)
 * @param expires           after this the approval fails the build
 * @param allowSelfApproval whether the person who started the build may approve it
 */
public record Approval(List<String> approvers, int required, Duration expires, boolean allowSelfApproval) {

    public static final Duration DEFAULT_EXPIRES = Duration.ofHours(24);

    public Approval {
        approvers = List.copyOf(approvers);
    }
}
