package dev.slipway.core.scm;

import java.util.Locale;

/**
 * Where a build request came from. The three SCM providers send webhooks; the others are
 * Slipway's own entry points (the nightly scheduler, the Slack bot, the CLI).
 */
public enum Provider {
    GITHUB,
    GITLAB,
    GITEA,
    SCHEDULE,
    SLACK,
    CLI;

    /** Lower-case name, used as the prefix of build ids and in webhook paths ({@code /webhooks/github}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this provider delivers webhooks that must be verified and de-duplicated. */
    public boolean isScm() {
        return this == GITHUB || this == GITLAB || this == GITEA;
    }
}
