package dev.slipway.builder.outputs;

import dev.slipway.builder.BuilderFailedException;
import dev.slipway.core.artifact.ArtifactKeys;
import dev.slipway.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a stage's declared outputs for later stages: {@code save-outputs} archives them from the
 * workspace into the artifact store, {@code restore-outputs} unpacks every earlier stage's archive
 * into a fresh workspace.
 */
public final class Outputs {

    private final ArtifactStore store;
    private final PrintStream log;

    public Outputs(ArtifactStore store, PrintStream log) {
        this.store = store;
        this.log = log;
    }

    /** Archives {@code paths} (files or directories relative to the workspace) as the stage's outputs. */
    public void save(String buildId, String stage, Path workspace, List<String> paths) throws BuilderFailedException, IOException {
        Path root = workspace.toRealPath();
        for (String path : paths) {
            Path resolved = root.resolve(path).normalize();
            if (!resolved.startsWith(root)) {
                throw new BuilderFailedException("output " + path + " of stage " + stage + " is outside the workspace; "
                        + "outputs must be relative paths inside the repository");
            }
            if (!Files.exists(resolved)) {
                throw new BuilderFailedException("output " + path + " of stage " + stage + " does not exist after its commands ran; "
                        + "check the path under " + stage + ".outputs in .slipway.yml or the commands that should create it");
            }
        }
        Path archive = Files.createTempFile("slipway-outputs-", ".tar");
        try {
            int entries = TarArchives.pack(root, paths, archive);
            try (InputStream in = Files.newInputStream(archive)) {
                store.put(buildId, ArtifactKeys.outputsOf(stage), in);
            }
            log.println("saved " + entries + " files of " + stage + " outputs " + paths + " (" + Files.size(archive) + " bytes)");
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /**
     * Unpacks the outputs of earlier stages of the build into the workspace; none is fine.
     *
     * @param stagePrefix only stages whose name starts with this (a service's {@code "api."}); "" for all
     */
    public int restore(String buildId, Path workspace, String stagePrefix) throws BuilderFailedException, IOException {
        int restored = 0;
        for (String name : store.list(buildId)) {
            if (!name.startsWith("outputs/" + stagePrefix) || !name.endsWith(".tar")) {
                continue;
            }
            Optional<InputStream> content = store.open(buildId, name);
            if (content.isEmpty()) {
                continue;
            }
            try (InputStream in = content.get()) {
                int files = TarArchives.unpack(in, workspace.toRealPath());
                log.println("restored " + files + " files from " + name);
                restored++;
            }
        }
        if (restored == 0) {
            log.println("no outputs of earlier stages to restore");
        }
        return restored;
    }
}
