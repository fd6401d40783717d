package dev.slipway.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {

    @Test
    void tablesFollowThePrefix() {
        assertThat(Wiring.from(Map.of("SLIPWAY_TABLE_PREFIX", "prod-")).tables().builds()).isEqualTo("prod-builds");
        assertThat(Wiring.from(Map.of()).tables().deliveries()).isEqualTo("slipway-deliveries");
    }

    @Test
    void aMissingSettingNamesTheVariableAndWhatItHolds() {
        Wiring wiring = Wiring.from(Map.of("AWS_REGION", "us-east-1"));

        assertThatThrownBy(wiring::pipelineExecutions)
                .isInstanceOf(WiringIncompleteException.class)
                .hasMessageContaining("SLIPWAY_PIPELINE_ARN")
                .hasMessageContaining("the pipeline state machine's ARN");
    }
}
