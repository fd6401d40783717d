package dev.slipway.bot.model;

import java.net.URI;
import java.util.List;

/**
 * What the failure thread reply shows: the failing stage, its exit code, its last log lines (already
 * masked of secrets by the runner) and a link to the full log.
 */
public record StageFailure(String buildId, String stage, int exitCode, List<String> lastLogLines, URI logUrl) {

    public StageFailure {
        lastLogLines = List.copyOf(lastLogLines);
    }
}
