package dev.slipway.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronTest {

    @ParameterizedTest(name = "{0} after {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "0 3 * * *      | 2026-01-01T02:59:00Z | 2026-01-01T03:00:00Z",
            "0 3 * * *      | 2026-01-01T03:00:00Z | 2026-01-02T03:00:00Z",
            "0 3 * * *      | 2026-01-01T03:00:30Z | 2026-01-02T03:00:00Z",
            "*/15 * * * *   | 2026-01-01T10:07:00Z | 2026-01-01T10:15:00Z",
            "5/20 * * * *   | 2026-01-01T10:46:00Z | 2026-01-01T11:05:00Z",
            "0 9-17/4 * * * | 2026-01-01T13:01:00Z | 2026-01-01T17:00:00Z",
            "0 0 1 * *      | 2026-01-31T12:00:00Z | 2026-02-01T00:00:00Z",
            "0 0 31 * *     | 2026-04-01T00:00:00Z | 2026-05-31T00:00:00Z",
            "0 0 29 2 *     | 2026-01-01T00:00:00Z | 2028-02-29T00:00:00Z",
            "30 2 * * MON-FRI | 2026-11-21T00:00:00Z | 2026-11-23T02:30:00Z",
            "0 0 * * 7      | 2026-11-22T00:00:00Z | 2026-11-29T00:00:00Z",
            "0 0 * * 0      | 2026-11-21T00:00:00Z | 2026-11-22T00:00:00Z",
            "0 12 * JAN,jul * | 2026-02-01T00:00:00Z | 2026-07-01T12:00:00Z",
            "0 0 13 * FRI   | 2026-11-14T00:00:00Z | 2026-11-20T00:00:00Z",
            "0 0 1,15 * *   | 2026-12-16T00:00:00Z | 2027-01-01T00:00:00Z",
            "@daily         | 2026-12-31T23:59:59Z | 2027-01-01T00:00:00Z",
            "@hourly        | 2026-01-01T10:00:00Z | 2026-01-01T11:00:00Z",
            "@weekly        | 2026-11-22T00:00:00Z | 2026-11-29T00:00:00Z",
    })
    void nextIsTheFirstMatchingMinuteStrictlyAfter(String expression, String after, String expected) {
        assertThat(Cron.parse(expression).next(Instant.parse(after))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "0 3 * *          | expected 5 fields (minute hour day-of-month month day-of-week) but found 4",
            "''               | but found 0",
            "60 * * * *       | minute field 60 is out of range 0-59",
            "* 24 * * *       | hour field 24 is out of range 0-23",
            "* * 0 * *        | day-of-month field 0 is out of range 1-31",
            "* * * 13 *       | month field 13 is out of range 1-12",
            "* * * * 8        | day-of-week field 8 is out of range 0-7",
            "* * * FOO *      | month field \"FOO\" is not a number or a name like JAN",
            "*/0 * * * *      | minute field step \"0\" must be a positive number",
            "5-1 * * * *      | minute field range 5-1 goes backwards",
            "1,,2 * * * *     | minute field has an empty list item",
            "0 0 30 2 *       | never fires",
            "@often           | unknown macro",
            "1-2-3 * * * *    | is not a range",
    })
    void rejectsInvalidExpressionsSayingWhichField(String expression, String message) {
        assertThatThrownBy(() -> Cron.parse(expression))
                .isInstanceOf(CronSyntaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void dayOfMonthAndDayOfWeekTogetherMatchEitherAsVixieCronDoes() {
        Cron cron = Cron.parse("0 0 1 * MON");
        // 2026-11-23 is a Monday, before December 1st.
        assertThat(cron.next(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(cron.next(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    /** An oracle: walking minute by minute finds the same next firing as {@link Cron#next}. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*/7 * * * *", "0 */5 * * *", "15,45 9-17 * * MON-FRI", "0 0 * * *", "5 4 1,15 * *",
            "30 2 * * SUN", "0 12 13 * FRI", "59 23 31 * *"})
    void nextAgreesWithAMinuteByMinuteSearch(String expression) {
        Cron cron = Cron.parse(expression);
        java.util.Random random = new java.util.Random(expression.hashCode());
        for (int i = 0; i < 5; i++) {
            Instant after = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(366 * 24 * 3600));
            Instant expected = after.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
            while (!cron.matches(expected)) {
                expected = expected.plusSeconds(60);
            }
            assertThat(cron.next(after)).as("after %s", after).isEqualTo(expected);
        }
    }

    @Test
    void aDayOfMonthThatOnlySomeMonthsHaveIsAccepted() {
        assertThat(Cron.parse("0 0 31 1-12 *").next(Instant.parse("2026-02-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
    }
}
