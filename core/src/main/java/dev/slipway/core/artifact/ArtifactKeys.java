package dev.slipway.core.artifact;

import java.util.regex.Pattern;

/** Validation and naming shared by every {@link ArtifactStore}. */
public final class ArtifactKeys {

    private static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private ArtifactKeys() {
    }

    /** Where a stage's declared outputs are archived. */
    public static String outputsOf(String stage) {
        return "outputs/" + stage + ".tar";
    }

    public static void check(String buildId, String name) {
        checkBuildId(buildId);
        if (name == null || !NAME.matcher(name).matches() || name.equals(".")
                || java.util.Arrays.stream(name.split("/")).anyMatch(s -> s.equals("..") || s.equals("."))) {
            throw new IllegalArgumentException("artifact name must be segments of letters, digits, '.', '_', '-' "
                    + "separated by '/', without '.' or '..' segments; was: " + name);
        }
    }

    public static void checkBuildId(String buildId) {
        if (buildId == null || !BUILD_ID.matcher(buildId).matches()) {
            throw new IllegalArgumentException("build id must be 1-128 letters, digits, '.', '_', '-'; was: " + buildId);
        }
    }
}
