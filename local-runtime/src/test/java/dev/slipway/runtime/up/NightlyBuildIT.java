package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.json.SlipwayJson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 5: {@code slipway up}'s scheduler fires a repository's {@code on.schedule} entry at
 * its cron time and the nightly build runs its stages in Docker, once.
 */
class NightlyBuildIT {

    /** Far enough ahead that slipway up has started and read the schedule before the cron's minute. */
    private static final Duration LEAD = Duration.ofSeconds(70);

    @TempDir
    Path dir;

    @Test
    void aScheduleFiresAtItsCronTimeAndItsBuildRunsOnce() throws Exception {
        // A daily cron at the next whole minute at least LEAD ahead, in UTC as crons are: it fires
        // once whichever day it falls on (midnight included), and the build id carries that day.
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plus(LEAD).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        String pipeline = """
                version: 1
                service: api
                on:
                  schedule:
                    - cron: "%d %d * * *"
                      branches: [main]
                integration:
                  image: slipway/busybox:1
                  commands: [echo the nightly build ran]
                """.formatted(at.getMinute(), at.getHour());
        Path repo = dir.resolve("api");
        UpFixture.repositoryWithPipeline(repo, pipeline);
        Path config = UpFixture.config(dir, repo);

        try (UpProcess up = UpProcess.start(dir.resolve("data"), config, UpFixture.env())) {
            URI base = up.base();
            JsonNode nightly = await("the schedule at " + at + " to fire and its build to end")
                    .atMost(Duration.between(ZonedDateTime.now(ZoneOffset.UTC), at).plus(Duration.ofMinutes(3)))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> builds(base), list -> list.size() == 1
                            && list.get(0).path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"))
                    .get(0);
            String id = nightly.path("id").asText();
            JsonNode build = parse(UpFixture.get(base, "api/builds/" + id).body());

            assertThat(build.path("status").asText()).as(build.toPrettyString() + "\n" + up.output()).isEqualTo("SUCCEEDED");
            assertThat(id).startsWith("schedule-").endsWith("-" + at.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(build.path("request").path("event").asText()).isEqualTo("SCHEDULE");
            assertThat(build.path("request").path("branch").asText()).isEqualTo("main");
            assertThat(build.path("stages").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(UpFixture.get(base, "builds/" + id + "/events").body()).contains("the nightly build ran");
            // The scheduler ticks several times after the cron's minute: none of them queues it again.
            await("one build of acme/api through the ticks that follow").during(Duration.ofSeconds(25))
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> builds(base).size(), n -> n == 1);
        }
    }

    private static List<JsonNode> builds(URI base) throws Exception {
        JsonNode list = parse(UpFixture.get(base, "api/builds?repo=acme/api").body()).path("builds");
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return SlipwayJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
