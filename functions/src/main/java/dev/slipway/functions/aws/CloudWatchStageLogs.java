package dev.slipway.functions.aws;

import dev.slipway.core.task.StageLogs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Stage logs in CloudWatch Logs. The task definitions use the {@code awslogs} driver with the
 * stage as stream prefix, so ECS names each container's stream
 * {@code <prefix>/<container name>/<task id>} ("awslogs-stream-prefix", ECS developer guide); the
 * step and build-image containers are the ones whose output people need.
 */
public final class CloudWatchStageLogs implements StageLogs {

    static final List<String> CONTAINERS = List.of("step", "build-image");

    private final CloudWatchLogsClient logs;
    private final String group;
    private final String region;

    public CloudWatchStageLogs(CloudWatchLogsClient logs, String group, String region) {
        this.logs = logs;
        this.group = group;
        this.region = region;
    }

    /** The stream prefix a stage's task definition uses: ECS allows letters, digits, '_', '-' and '/'. */
    public static String streamPrefix(String stage) {
        return stage.replaceAll("[^A-Za-z0-9_/-]", "-");
    }

    @Override
    public List<String> lastLines(String buildId, String stage, String taskArn, int max) {
        if (taskArn == null || taskArn.isBlank()) {
            return List.of();
        }
        for (String container : CONTAINERS) {
            List<String> lines = read(stream(stage, container, taskArn), max);
            if (!lines.isEmpty()) {
                return lines;
            }
        }
        return List.of();
    }

    @Override
    public Optional<String> pointer(String buildId, String stage, String taskArn) {
        if (taskArn == null || taskArn.isBlank()) {
            return Optional.empty();
        }
        String stream = stream(stage, "step", taskArn);
        return Optional.of("https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + encode(group) + "/log-events/" + encode(stream));
    }

    private List<String> read(String stream, int max) {
        try {
            List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream)
                    .startFromHead(false).limit(Math.max(1, Math.min(max, 10_000)))).events();
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add(e.message()));
            return lines;
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    static String stream(String stage, String container, String taskArn) {
        return streamPrefix(stage) + "/" + container + "/" + taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    /** The console's fragment escapes '%' again after URL-encoding. */
    private static String encode(String value) {
        return URLEncoder.encode(URLEncoder.encode(value, StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("%", "$");
    }
}
