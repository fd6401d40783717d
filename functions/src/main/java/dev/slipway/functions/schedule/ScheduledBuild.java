package dev.slipway.functions.schedule;

import dev.slipway.core.scm.Repository;
import java.util.List;

/**
 * What one schedule builds: the input EventBridge Scheduler sends the schedule function (a JSON
 * template on the schedule's target), or the embedded runtime's scheduler sends on one machine.
 *
 * @param name          the schedule, e.g. {@code nightly}; part of every build id it makes
 * @param repo          the repository to build
 * @param branches      the branches to build, one build each
 * @param cron          the schedule's five-field UTC cron, used to tell which run this is when
 *                      {@code scheduledTime} is missing; may be null
 * @param scheduledTime when the run was due, ISO-8601; EventBridge Scheduler fills it in from the
 *                      {@code <aws.scheduler.scheduled-time>} context attribute, which stays the same
 *                      when it retries an invocation
 */
public record ScheduledBuild(String name, Repository repo, List<String> branches, String cron, String scheduledTime) {

    public ScheduledBuild {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }
}
