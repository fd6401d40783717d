package dev.slipway.bot.release;

/**
 * An action that has been started (or found already started for the same request).
 *
 * @param buildId the build that carries it out
 * @param summary one sentence for the requester, e.g. "Deploying api build #42 to production: approval needed from 2 of @platform."
 */
public record Accepted(String buildId, String summary) {
}
