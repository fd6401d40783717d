package dev.slipway.bot.release;

import dev.slipway.bot.fakes.RecordingReleaseActions;
import java.util.List;

class RecordingReleaseActionsContractTest extends ReleaseActionsContract {

    private final RecordingReleaseActions actions = new RecordingReleaseActions(List.of("api"));

    @Override
    ReleaseActions actions() {
        return actions;
    }

    @Override
    String runningBuild() {
        return "github-77";
    }

    @Override
    int started() {
        return actions.calls().size();
    }
}
