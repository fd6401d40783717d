package dev.slipway.builder.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.builder.BuilderFailedException;
import dev.slipway.core.artifact.ArtifactKeys;
import dev.slipway.core.artifact.DirectoryArtifactStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Outputs outputs() {
        return new Outputs(new DirectoryArtifactStore(tmp.resolve("store")), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private Path workspace(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void savedOutputsComeBackInALaterWorkspaceWithTheirModes() throws Exception {
        Path build = workspace("pre_build");
        Files.createDirectories(build.resolve("build/libs"));
        Files.writeString(build.resolve("build/libs/app.jar"), "jar bytes");
        Files.writeString(build.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(build.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(build.resolve("not-an-output.txt"), "stays behind");

        outputs().save("b-1", "pre_build", build, List.of("build/libs/", "run.sh"));
        Path later = workspace("build");
        int archives = outputs().restore("b-1", later, "");

        assertThat(archives).isEqualTo(1);
        assertThat(later.resolve("build/libs/app.jar")).hasContent("jar bytes");
        assertThat(Files.isExecutable(later.resolve("run.sh"))).isTrue();
        assertThat(later.resolve("not-an-output.txt")).doesNotExist();
        assertThat(new DirectoryArtifactStore(tmp.resolve("store")).list("b-1")).containsExactly(ArtifactKeys.outputsOf("pre_build"));
    }

    @Test
    void savingTwiceReplacesTheEarlierOutputs() throws Exception {
        Path build = workspace("pre_build");
        Files.writeString(build.resolve("a.txt"), "first");
        outputs().save("b-1", "pre_build", build, List.of("a.txt"));
        Files.writeString(build.resolve("a.txt"), "second");
        outputs().save("b-1", "pre_build", build, List.of("a.txt"));

        Path later = workspace("later");
        outputs().restore("b-1", later, "");
        assertThat(later.resolve("a.txt")).hasContent("second");
    }

    @Test
    void aMissingOutputIsAnErrorNamingItAndTheStage() throws Exception {
        Path build = workspace("pre_build");
        assertThatThrownBy(() -> outputs().save("b-1", "pre_build", build, List.of("dist/")))
                .isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("output dist/ of stage pre_build does not exist")
                .hasMessageContaining("pre_build.outputs");
    }

    @Test
    void anOutputOutsideTheWorkspaceIsRefused() throws Exception {
        Path build = workspace("pre_build");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        assertThatThrownBy(() -> outputs().save("b-1", "pre_build", build, List.of("../secret.txt")))
                .hasMessageContaining("outside the workspace");
    }

    @Test
    void restoresOnlyTheOutputsOfTheStagesAsked() throws Exception {
        Path api = workspace("api");
        Files.writeString(api.resolve("api.jar"), "api");
        Path web = workspace("web");
        Files.writeString(web.resolve("web.js"), "web");
        outputs().save("b-1", "api.pre_build", api, List.of("api.jar"));
        outputs().save("b-1", "web.pre_build", web, List.of("web.js"));

        Path later = workspace("later");
        assertThat(outputs().restore("b-1", later, "api.")).isEqualTo(1);
        assertThat(later.resolve("api.jar")).exists();
        assertThat(later.resolve("web.js")).doesNotExist();
    }

    @Test
    void restoringABuildWithoutOutputsIsFine() throws Exception {
        assertThat(outputs().restore("b-2", workspace("w"), "")).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("no outputs");
    }
}
