package dev.slipway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final Machine MACHINE = new Machine(2, 4L << 30, "Test CPU", "0.50, 0.40, 0.30", "OpenJDK 17",
            Instant.parse("2026-12-06T05:00:00Z"), "abc123");

    @Test
    void percentilesInterpolateBetweenRanks() {
        Figure f = new Figure("x", "x", "ms", List.of(4.0, 1.0, 3.0, 2.0, 5.0), Aim.reference("r"), "");

        assertThat(f.median()).isEqualTo(3.0);
        assertThat(f.percentile(10)).isEqualTo(1.4);
        assertThat(f.percentile(90)).isEqualTo(4.6);
        assertThat(new Figure("y", "y", "ms", List.of(7.0), Aim.reference("r"), "").percentile(90)).isEqualTo(7.0);
    }

    @Test
    void theTableStatesTheMachineEachFigureAndWhetherItsAimIsMet() {
        List<Figure> figures = List.of(
                new Figure("system.overhead", "five stages vs plain runs", "×", List.of(1.2, 1.25, 1.4), Aim.atMost(1.3, "≤ 1.3×"), ""),
                new Figure("startup.webhook", "cold start", "ms", List.of(1500.0, 1600.0, 1700.0), Aim.atMost(1000, "< 1 s"),
                        "-XX:TieredStopAtLevel=1"),
                new Figure("engine.map", "Map", "items/s", List.of(12000.0), Aim.reference("no aim"), ""),
                Figure.missing("startup.bot", "bot cold start", "ms", Aim.atMost(1000, "< 1 s"), "no bot jar given"));

        String md = MarkdownReport.render(MACHINE, figures, "bench/run --quick");

        assertThat(md).contains("| commit | abc123 |", "2 cores, 4.0 GiB, Test CPU", "| load average at start | 0.50, 0.40, 0.30 |")
                .contains("| five stages vs plain runs `system.overhead` | 1.25 × | 1.21 – 1.37 | 3 | ≤ 1.3× | yes |")
                .contains("| cold start `startup.webhook` | 1,600 ms | 1,520 – 1,680 | 3 | < 1 s | **no** |")
                .contains("| Map `engine.map` | 12,000 items/s | 12,000 – 12,000 | 1 | no aim |  |")
                .contains("| bot cold start `startup.bot` | not measured | | 0 | < 1 s | – |")
                .contains("- `startup.webhook`: -XX:TieredStopAtLevel=1", "- `startup.bot`: no bot jar given");
    }
}
