package dev.slipway.runtime.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One recorded AWS execution from ../shared/conformance/asl (see its README for the format). */
record ConformanceCase(String category, String name, JsonNode definition, JsonNode input, JsonNode expected,
                       JsonNode taskStubs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String id() {
        return category + "/" + name;
    }

    /**
     * The cases folder: {@code -Dslipway.conformance.dir}, else {@code shared/conformance/asl} next to
     * the project root or one of its parents (a worktree lives one level deeper than the main checkout).
     */
    static Path locate() {
        String configured = System.getProperty("slipway.conformance.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance/asl");
            if (Files.isRegularFile(candidate.resolve("index.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("The ASL conformance cases were not found: looked for shared/conformance/asl/index.json"
                + " in " + start + " and every parent. Put the recorded cases there (../shared/conformance/asl from the"
                + " project root) or pass -Dslipway.conformance.dir=/path/to/asl.");
    }

    static List<ConformanceCase> loadAll() {
        Path root = locate();
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getParent().equals(root))
                    .sorted()
                    .map(ConformanceCase::load)
                    .filter(c -> c.id().contains(System.getProperty("slipway.conformance.only", "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConformanceCase load(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return new ConformanceCase(file.getParent().getFileName().toString(), node.get("name").asText(),
                    node.get("definition"), node.get("input"), node.get("expected"), node.path("task_stubs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable conformance case " + file, e);
        }
    }
}
