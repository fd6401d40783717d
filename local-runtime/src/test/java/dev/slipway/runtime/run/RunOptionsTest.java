package dev.slipway.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.scm.EventKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaultsToAPushOfTheCurrentDirectory() {
        RunOptions options = RunOptions.parse(List.of());

        assertThat(options).isEqualTo(new RunOptions(".", Optional.empty(), EventKind.PUSH, false, false, Optional.empty()));
    }

    @Test
    void readsEveryOption() {
        RunOptions options = RunOptions.parse(List.of("examples/counter", "--ref", "v1.2.0", "--event", "tag", "--quiet",
                "--approve", "--data", "/tmp/run"));

        assertThat(options).isEqualTo(new RunOptions("examples/counter", Optional.of("v1.2.0"), EventKind.TAG, true, true,
                Optional.of(Path.of("/tmp/run"))));
    }

    @Test
    void aTagEventNeedsTheTag() {
        assertThatThrownBy(() -> RunOptions.parse(List.of("--event", "tag")))
                .hasMessageContaining("--event tag needs --ref TAG");
    }

    @Test
    void namesTheEventsItKnows() {
        assertThatThrownBy(() -> RunOptions.parse(List.of("--event", "release")))
                .hasMessage("--event is push, tag or pull_request, not 'release'");
    }

    @Test
    void refusesASecondRepositoryAndUnknownOptions() {
        assertThatThrownBy(() -> RunOptions.parse(List.of("a", "b"))).hasMessageContaining("unexpected argument 'b'");
        assertThatThrownBy(() -> RunOptions.parse(List.of("--fast"))).hasMessageContaining("unexpected argument '--fast'");
        assertThatThrownBy(() -> RunOptions.parse(List.of("--ref"))).hasMessageContaining("--ref needs a value");
    }
}
