package dev.slipway.functions.pipeline;

import java.util.Optional;

/**
 * What a pipeline execution recorded on its way, read after it ended. The state machine carries the
 * build's Slack message as {@code $.notify} ({@code {channel, messageRef}}) from state to state; an
 * execution that was stopped or timed out never reaches the states that would update the message,
 * so {@link BuildEndings} finds it here. Contract: the latest state output that carries a message
 * wins; empty when no state posted one; safe to call for any ended execution, any number of times.
 */
public interface ExecutionHistory {

    Optional<BuildMessage> lastMessage(String executionArn);

    /** Where the build's message is: the channel and the notifier's message reference. */
    record BuildMessage(String channel, String messageRef) {
    }
}
