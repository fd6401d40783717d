package dev.slipway.bot.model;

import java.net.URI;
import java.util.Optional;

/**
 * A rollback that happened: which image an environment left and which it runs now.
 *
 * @param requestedBy the Slack user who asked for it; empty for an automatic rollback after a failed deploy
 * @param reason      why, in a sentence (e.g. "health check failed: GET /health answered 503")
 */
public record RollbackNotice(String service, String environment, String fromImage, String toImage,
        Optional<String> requestedBy, String reason, URI buildUrl) {
}
