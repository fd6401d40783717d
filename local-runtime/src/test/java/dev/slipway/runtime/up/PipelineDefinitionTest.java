package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.runtime.asl.model.DefinitionParser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {

    private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theRepositorysPipelineIsFoundFromTheCheckoutOrSlipwayHome() {
        Path expected = CHECKOUT.resolve(PipelineDefinition.RELATIVE);

        assertThat(PipelineDefinition.locate(Map.of(), Path.of("").toAbsolutePath())).contains(expected);
        assertThat(PipelineDefinition.locate(Map.of("SLIPWAY_HOME", CHECKOUT.toString()), Path.of("/"))).contains(expected);
        assertThat(PipelineDefinition.locate(Map.of(), Path.of("/"))).isEmpty();
    }

    @Test
    void everySubstitutionIsFilledAndTheEngineAcceptsTheResult() {
        String definition = PipelineDefinition.read(CHECKOUT.resolve(PipelineDefinition.RELATIVE));

        assertThat(definition).doesNotContain("${")
                .contains("arn:aws:lambda:us-east-1:000000000000:function:prepare")
                .contains("arn:aws:lambda:us-east-1:000000000000:function:request-approval");
        assertThat(DefinitionParser.parse(definition)).isNotNull();
    }

    @Test
    void functionNamesFollowTheSubstitutionNames() {
        assertThat(PipelineDefinition.functionName("Record")).isEqualTo("record");
        assertThat(PipelineDefinition.functionName("RequestApproval")).isEqualTo("request-approval");
        assertThat(PipelineDefinition.substitute("\"${NotifyFunctionArn}\" \"${ClusterArn}\""))
                .isEqualTo("\"arn:aws:lambda:us-east-1:000000000000:function:notify\""
                        + " \"arn:aws:ecs:us-east-1:000000000000:cluster/slipway-local\"");
    }
}
