package dev.slipway.runtime.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.JsonEquality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs every recorded case, prints a per-category pass summary, and checks that exactly the cases in
 * {@code conformance/known-failures.txt} fail: a newly failing case fails the build, and so does a
 * listed case that now passes (so the list can only shrink).
 */
final class ConformanceSuite {
    private ConformanceSuite() {
    }

    static void runAndCheck(String label, CaseRunner runner) {
        runAndCheck(label, runner, 4);
    }

    /** {@code parallelism}: how many cases run at once (more for runners that mostly wait on I/O). */
    static void runAndCheck(String label, CaseRunner runner, int parallelism) {
        List<ConformanceCase> cases = ConformanceCase.loadAll();
        boolean filtered = System.getProperty("slipway.conformance.only") != null;
        assertThat(cases).as("conformance cases").hasSizeGreaterThan(filtered ? 0 : 900);
        Map<String, String> failures = new ConcurrentHashMap<>();
        Map<String, int[]> perCategory = new TreeMap<>();
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            pool.submit(() -> cases.parallelStream().forEach(c -> {
                String problem = check(c, runner);
                if (problem != null) {
                    failures.put(c.id(), problem);
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        for (ConformanceCase c : cases) {
            int[] counts = perCategory.computeIfAbsent(c.category(), k -> new int[2]);
            counts[1]++;
            if (!failures.containsKey(c.id())) {
                counts[0]++;
            }
        }
        StringBuilder summary = new StringBuilder("ASL conformance (" + label + "): " + (cases.size() - failures.size())
                + "/" + cases.size() + " pass\n");
        perCategory.forEach((k, v) -> summary.append(String.format("  %-20s %4d/%d%n", k, v[0], v[1])));
        new TreeMap<>(failures).forEach((id, why) -> summary.append("  FAIL ").append(id).append(": ").append(why).append('\n'));
        System.out.println(summary);
        if (filtered) {
            assertThat(failures).as("failing cases among those selected by slipway.conformance.only").isEmpty();
            return;
        }
        assertThat(new TreeMap<>(failures).keySet()).as("failing cases (" + label + ") versus known-failures.txt\n" + summary)
                .containsExactlyInAnyOrderElementsOf(knownFailures().keySet());
    }

    static String check(ConformanceCase c, CaseRunner runner) {
        CaseResult actual;
        try {
            actual = runner.run(c);
        } catch (Exception | AssertionError e) {
            return "did not run: " + e;
        }
        JsonNode expected = c.expected();
        String status = expected.get("status").asText();
        if (!status.equals(actual.status())) {
            return "expected " + status + " but was " + actual.status() + " (" + actual.error() + ": " + actual.cause()
                    + ", output " + (actual.output() == null ? null : Json.write(actual.output())) + ")";
        }
        if (status.equals("SUCCEEDED")) {
            return JsonEquality.equal(expected.get("output"), actual.output()) ? null
                    : "output " + Json.write(actual.output()) + " != expected " + Json.write(expected.get("output"));
        }
        String error = expected.hasNonNull("error") ? expected.get("error").asText() : null;
        String cause = expected.hasNonNull("cause") ? expected.get("cause").asText() : null;
        if (!Objects.equals(error, actual.error()) || !Objects.equals(cause, actual.cause())) {
            return "error/cause " + actual.error() + ": " + actual.cause() + " != expected " + error + ": " + cause;
        }
        return null;
    }

    /** {@code case-id  reason} lines; # starts a comment. */
    static Map<String, String> knownFailures() {
        Map<String, String> known = new TreeMap<>();
        var stream = ConformanceSuite.class.getResourceAsStream("/conformance/known-failures.txt");
        if (stream == null) {
            return known;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
                String[] parts = l.split("\\s+", 2);
                known.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }
}
