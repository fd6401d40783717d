package dev.slipway.runtime.asl.eval;

import dev.slipway.runtime.asl.history.HistoryEvent;

/**
 * A state being continued after a restart: it was entered (at {@code entered}) but never exited.
 * {@code taskToken} is the token of a .waitForTaskToken task that was parked, which keeps waiting.
 */
public record Resume(HistoryEvent entered, String taskToken) {
}
