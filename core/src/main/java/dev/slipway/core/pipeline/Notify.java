package dev.slipway.core.pipeline;

/** Where build messages go. */
public record Notify(String slackChannel) {
}
