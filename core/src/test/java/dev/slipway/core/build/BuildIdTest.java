package dev.slipway.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.scm.Provider;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildIdTest {

    @Test
    void deliveryIdsThatAreSafeStayReadable() {
        BuildId id = BuildId.forDelivery(Provider.GITHUB, "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        assertThat(id.value()).isEqualTo("github-72d3162e-cc78-11e3-81ab-4c9367dc0958");
    }

    @Test
    void theSameDeliveryAlwaysGivesTheSameId() {
        assertThat(BuildId.forDelivery(Provider.GITEA, "a b/c"))
                .isEqualTo(BuildId.forDelivery(Provider.GITEA, "a b/c"));
    }

    @Test
    void unsafeOrLongDeliveryIdsBecomeDistinctSafeIds() {
        BuildId spaced = BuildId.forDelivery(Provider.GITLAB, "a b");
        BuildId slashed = BuildId.forDelivery(Provider.GITLAB, "a/b");
        BuildId longOne = BuildId.forDelivery(Provider.GITLAB, "x".repeat(200));

        assertThat(spaced).isNotEqualTo(slashed);
        assertThat(spaced.value()).matches("gitlab-a-b-[0-9a-f]{32}");
        assertThat(longOne.value()).hasSizeLessThanOrEqualTo(80).startsWith("gitlab-xxx");
        assertThat(longOne).isNotEqualTo(BuildId.forDelivery(Provider.GITLAB, "x".repeat(201)));
    }

    @Test
    void scheduleIdsNameTheScheduleAndTheDay() {
        BuildId id = BuildId.forSchedule("nightly-acme-api-main", LocalDate.of(2026, 11, 22));

        assertThat(id.value()).isEqualTo("schedule-nightly-acme-api-main-20261122");
        assertThat(BuildId.forSchedule("nightly-acme-api-main", LocalDate.of(2026, 11, 23))).isNotEqualTo(id);
    }

    @Test
    void longScheduleKeysKeepTheDayAndFit() {
        BuildId id = BuildId.forSchedule("nightly/" + "very-long-repository-name".repeat(5) + "/main",
                LocalDate.of(2026, 1, 2));

        assertThat(id.value()).hasSizeLessThanOrEqualTo(80).startsWith("schedule-nightly-").endsWith("-20260102");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "über"})
    void rejectsWhatCannotNameAnExecution(String bad) {
        assertThatThrownBy(() -> BuildId.of(bad))
                .isInstanceOf(InvalidBuildIdException.class)
                .hasMessageContaining("A-Z, a-z, 0-9, '-' and '_'");
    }

    @Test
    void rejectsIdsLongerThanAnExecutionName() {
        assertThat(BuildId.of("a".repeat(80)).value()).hasSize(80);
        assertThatThrownBy(() -> BuildId.of("a".repeat(81))).isInstanceOf(InvalidBuildIdException.class);
    }
}
