package dev.slipway.core.dispatch;

import dev.slipway.core.build.BuildProblem;
import java.util.List;

/** What dispatch does with a build request, given its pipeline file. */
public sealed interface BuildDecision {

    /** Run the plan. */
    record Run(BuildPlan plan) implements BuildDecision {
    }

    /** Nothing to run: no trigger of the file matches the event (a branch not listed, manual builds off). */
    record NotTriggered(String reason) implements BuildDecision {
    }

    /** The file cannot be used: the build ends FAILED with these problems. */
    record Rejected(List<BuildProblem> problems) implements BuildDecision {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
