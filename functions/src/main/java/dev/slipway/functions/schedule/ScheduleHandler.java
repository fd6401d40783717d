package dev.slipway.functions.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.wiring.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point for EventBridge Scheduler: reads a {@link ScheduledBuild} and queues its
 * builds. A failure throws, so the scheduler retries the invocation (its retry policy) and, after
 * that, sends the event to the schedule's dead-letter queue; retries start no second build.
 */
public final class ScheduleHandler implements RequestStreamHandler {

    private final NightlyBuilds builds;

    /** Used by Lambda: the queue from the environment (see {@link Wiring}). */
    public ScheduleHandler() {
        this(nightlyBuilds(Wiring.fromEnvironment()));
    }

    private static NightlyBuilds nightlyBuilds(Wiring wiring) {
        return new NightlyBuilds(wiring.buildQueue(), wiring.clock());
    }

    public ScheduleHandler(NightlyBuilds builds) {
        this.builds = builds;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ScheduledBuild schedule = SlipwayJson.read(new String(input.readAllBytes(), StandardCharsets.UTF_8),
                ScheduledBuild.class);
        List<BuildId> queued = builds.run(schedule);
        output.write(SlipwayJson.write(Map.of("queued", queued)).getBytes(StandardCharsets.UTF_8));
    }
}
