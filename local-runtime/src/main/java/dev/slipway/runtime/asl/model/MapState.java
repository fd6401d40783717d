package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code "Type": "Map"}: runs {@code ItemProcessor} (or the legacy {@code Iterator}) once per item.
 * {@code ItemSelector} and the legacy {@code Parameters} shape each item. Distributed mode runs like
 * inline here: there is no child-execution boundary on one machine.
 */
public record MapState(
        StateCommon common,
        Program processor,
        JsonNode itemsPath,
        JsonNode items,
        JsonNode itemSelector,
        JsonNode maxConcurrency,
        String maxConcurrencyPath,
        JsonNode toleratedFailureCount,
        String toleratedFailureCountPath,
        JsonNode toleratedFailurePercentage,
        String toleratedFailurePercentagePath,
        JsonNode itemBatcher,
        JsonNode itemReader,
        JsonNode resultWriter) implements State {
}
