package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One entry of a state's {@code Catch} list. Missing nodes mean the field was absent. */
public record Catcher(List<String> errorEquals, String next, JsonNode resultPath, JsonNode assign, JsonNode output) {
}
