package dev.slipway.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreTest {

    @Test
    void excludesEverythingButTheReIncludedDirectory() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("*", "!build/libs/"));
        assertThat(ignore.excludes("src/Main.java")).isTrue();
        assertThat(ignore.excludes("build/classes/A.class")).isTrue();
        assertThat(ignore.excludes("build/libs/app.jar")).isFalse();
    }

    @Test
    void aDirectoryPatternExcludesItsContent() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("# comment", "", ".git", "/tests/"));
        assertThat(ignore.excludes(".git/HEAD")).isTrue();
        assertThat(ignore.excludes("tests/integration.sh")).isTrue();
        assertThat(ignore.excludes("lib/tests.sh")).isFalse();
        assertThat(ignore.excludes("www/index.html")).isFalse();
    }

    @Test
    void starStaysInASegmentAndDoubleStarSpansThem() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("*.md", "**/*.log", "docs/?.txt"));
        assertThat(ignore.excludes("README.md")).isTrue();
        assertThat(ignore.excludes("docs/README.md")).isFalse();
        assertThat(ignore.excludes("a/b/c.log")).isTrue();
        assertThat(ignore.excludes("c.log")).isTrue();
        assertThat(ignore.excludes("docs/a.txt")).isTrue();
        assertThat(ignore.excludes("docs/ab.txt")).isFalse();
    }

    @Test
    void theLastMatchingPatternWins() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("*.txt", "!keep.txt", "keep.txt"));
        assertThat(ignore.excludes("keep.txt")).isTrue();
    }

    @Test
    void theArchiveAlwaysHoldsTheDockerfile(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "*\n!build/libs/\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectories(context.resolve("build/libs"));
        Files.writeString(context.resolve("build/libs/app.jar"), "jar");
        Files.writeString(context.resolve("secret.env"), "X=1");
        Path archive = Files.createTempFile("ctx", ".tar");

        int files = BuildContextArchive.write(context, context.resolve("Dockerfile"), archive);

        assertThat(files).isEqualTo(3);
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(archive))) {
            List<String> names = new java.util.ArrayList<>();
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
            assertThat(names).containsExactlyInAnyOrder(".dockerignore", "Dockerfile", "build/libs/app.jar");
        }
        Files.delete(archive);
    }
}
