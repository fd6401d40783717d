package dev.slipway.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import dev.slipway.testkit.build.TestBuilds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage an approval records ends when the environment's deploy starts (issue 8: it stayed waiting). */
class ApprovalGrantedTest {

    private static final Instant LATER = TestBuilds.T0.plusSeconds(60);

    @Test
    void theWaitingApprovalStageOfTheEnvironmentSucceedsAndOthersAreKept() {
        BuildRecord build = BuildRecord.queued(TestBuilds.push("acme/api", "main", "d-1", TestBuilds.T0),
                List.of(StageRecord.pending("deploy:production", "api")), TestBuilds.T0)
                .withStage(new StageRecord("deploy:production", null, StageStatus.WAITING_APPROVAL, 1, null, null, null, null,
                        null, null), TestBuilds.T0);

        BuildRecord granted = RecordFunction.approvalGranted(build, "deploy:production", LATER);

        assertThat(granted.stages()).extracting(StageRecord::service, StageRecord::status)
                .containsExactly(tuple("api", StageStatus.PENDING),
                        tuple(null, StageStatus.SUCCEEDED));
        assertThat(RecordFunction.approvalGranted(build, "deploy:staging", LATER)).as("no approval there").isEqualTo(build);
    }
}
