package dev.slipway.bot.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.command.SlashCommand;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link ReleaseActions} contract for the commands every implementation carries out: one thing
 * per request id (the same request twice answers the same and starts nothing more), and requests
 * that cannot be carried out refused with a sentence for the user.
 */
abstract class ReleaseActionsContract {

    /** The implementation, knowing repository {@code acme/api} and a running build {@link #runningBuild()}. */
    abstract ReleaseActions actions();

    abstract String runningBuild();

    /** How many things have been started so far (builds queued by distinct id, cancellations). */
    abstract int started();

    private final Requester alice = new Requester("U0ALICE", "C0DEPLOYS", "trigger-contract-1");

    @Test
    void theSameBuildRequestTwiceStartsOneBuild() throws Exception {
        SlashCommand.Build build = new SlashCommand.Build("acme/api", Optional.of("main"));
        Accepted first = actions().build(alice, build);
        Accepted again = actions().build(alice, build);
        assertThat(again.buildId()).isEqualTo(first.buildId());
        assertThat(started()).isEqualTo(1);
    }

    @Test
    void theSameCancelTwiceIsOneCancellation() throws Exception {
        SlashCommand.Cancel cancel = new SlashCommand.Cancel(new SlashCommand.BuildRef(runningBuild()));
        Accepted first = actions().cancel(alice, cancel);
        Accepted again = actions().cancel(alice, cancel);
        assertThat(again.buildId()).isEqualTo(first.buildId());
        assertThat(started()).isEqualTo(1);
    }

    @Test
    void anUnknownBuildIsRefusedWithAReason() {
        assertThatThrownBy(() -> actions().cancel(alice, new SlashCommand.Cancel(new SlashCommand.BuildRef("done"))))
                .isInstanceOf(ReleaseActionRefusedException.class)
                .hasMessageContaining("#done");
        assertThat(started()).isZero();
    }
}
