package dev.slipway.core.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** The stages, in the order a build runs them. */
public enum StageKind {
    INTEGRATION("integration"),
    PRE_BUILD("pre_build"),
    BUILD("build"),
    POST_BUILD("post_build"),
    DEPLOY("deploy");

    private final String key;

    StageKind(String key) {
        this.key = key;
    }

    /** The key of this stage in {@code .slipway.yml}. */
    public String key() {
        return key;
    }

    public static Optional<StageKind> fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }
}
