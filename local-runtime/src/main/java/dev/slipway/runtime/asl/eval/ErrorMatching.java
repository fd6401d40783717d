package dev.slipway.runtime.asl.eval;

import dev.slipway.runtime.asl.model.Catcher;
import dev.slipway.runtime.asl.model.Retrier;
import dev.slipway.runtime.asl.model.State;
import dev.slipway.runtime.asl.model.TaskState;
import java.util.List;

/** Which Retrier or Catcher an error matches, by AWS's rules. */
final class ErrorMatching {
    private ErrorMatching() {
    }

    static Catcher firstCatcher(State state, StateFailedException failure) {
        for (Catcher catcher : state.common().catchers()) {
            if (matches(catcher.errorEquals(), failure, state)) {
                return catcher;
            }
        }
        return null;
    }

    static int firstRetrier(State state, StateFailedException failure) {
        List<Retrier> retriers = state.common().retriers();
        for (int i = 0; i < retriers.size(); i++) {
            if (matches(retriers.get(i).errorEquals(), failure, state)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * States.ALL matches any error but the terminal ones; in a Task state, States.TaskFailed
     * matches any error except States.Timeout (AWS: "acts as a wildcard ... except for States.Timeout").
     */
    static boolean matches(List<String> errorEquals, StateFailedException failure, State state) {
        if (failure.terminal()) {
            return false;
        }
        String error = failure.error();
        if (errorEquals.contains(ErrorNames.ALL) || error != null && errorEquals.contains(error)) {
            return true;
        }
        return state instanceof TaskState && errorEquals.contains(ErrorNames.TASK_FAILED)
                && !ErrorNames.TIMEOUT.equals(error) && !ErrorNames.HEARTBEAT_TIMEOUT.equals(error);
    }
}
