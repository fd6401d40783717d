package dev.slipway.testkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.artifact.ArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The {@link ArtifactStore} contract as tests: the directory store, S3 later, and fakes extend it. */
public abstract class ArtifactStoreContract {

    protected abstract ArtifactStore store();

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private String read(String build, String name) throws IOException {
        try (InputStream in = store().open(build, name).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storesAndReadsBack() throws IOException {
        store().put("b-1", "outputs/pre_build.tar", text("archive"));
        assertThat(read("b-1", "outputs/pre_build.tar")).isEqualTo("archive");
    }

    @Test
    void puttingAgainReplaces() throws IOException {
        store().put("b-1", "logs/step.log", text("first"));
        store().put("b-1", "logs/step.log", text("second"));
        assertThat(read("b-1", "logs/step.log")).isEqualTo("second");
    }

    @Test
    void nothingStoredIsEmpty() throws IOException {
        assertThat(store().open("b-none", "outputs/x.tar")).isEmpty();
        assertThat(store().list("b-none")).isEmpty();
    }

    @Test
    void listsTheNamesOfOneBuildSorted() throws IOException {
        store().put("b-1", "outputs/pre_build.tar", text("a"));
        store().put("b-1", "logs/integration.log", text("b"));
        store().put("b-2", "outputs/other.tar", text("c"));
        assertThat(store().list("b-1")).containsExactly("logs/integration.log", "outputs/pre_build.tar");
    }

    @Test
    void deleteRemovesTheBuildAndIsSafeTwice() throws IOException {
        store().put("b-1", "outputs/pre_build.tar", text("a"));
        store().put("b-2", "outputs/pre_build.tar", text("b"));
        store().delete("b-1");
        store().delete("b-1");
        assertThat(store().list("b-1")).isEmpty();
        assertThat(read("b-2", "outputs/pre_build.tar")).isEqualTo("b");
    }

    @Test
    void rejectsNamesThatCouldEscape() {
        for (String bad : List.of("../x", "outputs/../../x", "/abs", "a//b", "", "a/./b")) {
            assertThatThrownBy(() -> store().put("b-1", bad, text("x"))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store().list("../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentReadersSeeAWholeVersion() throws Exception {
        String small = "a".repeat(10);
        String large = "b".repeat(2_000_000);
        store().put("b-1", "outputs/big.tar", text(small));
        List<CompletableFuture<String>> reads = new ArrayList<>();
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10; i++) {
                try {
                    store().put("b-1", "outputs/big.tar", text(i % 2 == 0 ? large : small));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        for (int i = 0; i < 20; i++) {
            reads.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return read("b-1", "outputs/big.tar");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        writes.get();
        for (CompletableFuture<String> read : reads) {
            assertThat(read.get()).isIn(small, large);
        }
    }
}
