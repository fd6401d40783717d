package dev.slipway.core.archviolation;

import software.amazon.awssdk.regions.Region;

/**
 * A deliberate violation, in test sources only: a class in a {@code dev.slipway.core} package that
 * uses the AWS SDK. ArchitectureTest checks that its rules reject it, so the rules cannot pass by
 * matching nothing.
 */
public final class CoreClassUsingAwsSdk {

    public String region() {
        return Region.EU_WEST_1.id();
    }
}
