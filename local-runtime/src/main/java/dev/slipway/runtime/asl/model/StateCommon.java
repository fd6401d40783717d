package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The fields every state type may carry. Optional fields are kept as raw JSON: ASL gives "absent"
 * and "null" different meanings (an absent ResultPath is "$", a null ResultPath discards the
 * result), so a {@link com.fasterxml.jackson.databind.node.MissingNode} stands for absent.
 */
public record StateCommon(
        String name,
        String type,
        QueryLanguage queryLanguage,
        String next,
        boolean end,
        JsonNode inputPath,
        JsonNode parameters,
        JsonNode resultSelector,
        JsonNode resultPath,
        JsonNode outputPath,
        JsonNode result,
        JsonNode assign,
        JsonNode output,
        JsonNode arguments,
        List<Retrier> retriers,
        List<Catcher> catchers) {

    public boolean jsonata() {
        return queryLanguage == QueryLanguage.JSONATA;
    }
}
