package dev.slipway.core.build;

/** The names stages carry in build records; deploys are one stage per environment. */
public final class StageNames {

    public static final String INTEGRATION = "integration";
    public static final String PRE_BUILD = "pre_build";
    public static final String BUILD = "build";
    public static final String POST_BUILD = "post_build";
    public static final String DEPLOY_PREFIX = "deploy:";

    private StageNames() {
    }

    public static String deploy(String environment) {
        return DEPLOY_PREFIX + environment;
    }
}
