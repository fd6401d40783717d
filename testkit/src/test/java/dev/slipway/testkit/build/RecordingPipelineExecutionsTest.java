package dev.slipway.testkit.build;

import dev.slipway.core.build.PipelineExecutions;

class RecordingPipelineExecutionsTest extends PipelineExecutionsContract {

    @Override
    protected PipelineExecutions newExecutions() {
        return new RecordingPipelineExecutions();
    }
}
