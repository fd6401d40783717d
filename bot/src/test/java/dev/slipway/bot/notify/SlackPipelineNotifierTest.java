package dev.slipway.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.StageRecord;
import dev.slipway.testkit.build.TestBuilds;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackPipelineNotifierTest {

    private static BuildRecord withStages(StageRecord... stages) {
        return BuildRecord.queued(TestBuilds.push("acme/api", "main", "d-1", TestBuilds.T0), List.of(stages), TestBuilds.T0);
    }

    @Test
    void aBuildOfOneServiceIsTitledByThatService() {
        BuildRecord build = withStages(StageRecord.pending("integration", "checkout"), StageRecord.pending("build", "checkout"),
                StageRecord.pending("deploy:staging", "checkout"));

        assertThat(SlackPipelineNotifier.service(build)).isEqualTo("checkout");
    }

    @Test
    void aReleaseOfSeveralServicesOrStagesWithoutOneAreTitledByTheRepository() {
        assertThat(SlackPipelineNotifier.service(withStages(StageRecord.pending("build", "api"),
                StageRecord.pending("build", "web")))).isEqualTo("acme/api");
        assertThat(SlackPipelineNotifier.service(withStages(StageRecord.pending("integration", null)))).isEqualTo("acme/api");
    }
}
