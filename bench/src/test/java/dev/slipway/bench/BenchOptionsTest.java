package dev.slipway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path CHECKOUT = Path.of("/work/slipway");

    @Test
    void withoutOnlyEveryFigureIsTakenAndTheTableGoesToResults() {
        BenchOptions options = BenchOptions.parse(new String[] {}, CHECKOUT);

        assertThat(options.wants("system.queue.limit-2.total")).isTrue();
        assertThat(options.quick()).isFalse();
        assertThat(options.out()).isEqualTo(CHECKOUT.resolve("bench/results/latest.md"));
    }

    @Test
    void onlySelectsGroupsFiguresAndTheGroupsAFigureNeeds() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--only", "engine, system.ingress.rate"}, CHECKOUT);

        assertThat(options.wants("engine")).isTrue();
        assertThat(options.wants("engine.map")).isTrue();
        assertThat(options.wants("system")).isTrue();
        assertThat(options.wants("system.ingress")).isTrue();
        assertThat(options.wants("system.ingress.rate")).isTrue();
        assertThat(options.wants("system.queue.limit-2")).isFalse();
        assertThat(options.wants("startup")).isFalse();
        assertThat(options.wants("engine-other")).isFalse();
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}, CHECKOUT))
                .hasMessageStartingWith("unknown option '--fast'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--out"}, CHECKOUT))
                .hasMessageStartingWith("--out needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bot-jar", "/nowhere/bot.jar"}, CHECKOUT))
                .hasMessage("--bot-jar /nowhere/bot.jar: no such file; build it first or leave the option out");
    }
}
