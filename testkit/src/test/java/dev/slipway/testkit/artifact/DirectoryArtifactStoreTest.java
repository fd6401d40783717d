package dev.slipway.testkit.artifact;

import dev.slipway.core.artifact.ArtifactStore;
import dev.slipway.core.artifact.DirectoryArtifactStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DirectoryArtifactStoreTest extends ArtifactStoreContract {

    @TempDir
    Path root;

    @Override
    protected ArtifactStore store() {
        return new DirectoryArtifactStore(root);
    }
}
