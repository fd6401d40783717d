package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.Json;

/** The fake keeps the same contract as the Docker adapter will. */
class FakeEcsTaskPortTest extends EcsTaskPortContract {
    private final FakeEcsTaskPort port = new FakeEcsTaskPort();

    @Override
    protected EcsTaskPort port() {
        return port;
    }

    @Override
    protected JsonNode succeedingTask() {
        return Json.parse("{\"TaskDefinition\":\"exit-0\"}");
    }

    @Override
    protected JsonNode failingTask() {
        return Json.parse("{\"TaskDefinition\":\"exit-3\"}");
    }

    @Override
    protected JsonNode longTask() {
        return Json.parse("{\"TaskDefinition\":\"run-until-stopped\"}");
    }

    @Override
    protected String runningArn() {
        return port.runningTasks().iterator().next();
    }
}
